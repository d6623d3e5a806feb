// The public guide (« Trouver le bon interlocuteur », « Où s'adresser », questions and answers)
// as one chunk, loaded on its first page: it stays out of the booking page's bundle. The pages a
// person reaches from a link or a code load apart (link-pages.ts): the guide stays under its budget.

export { getDirectory, getDirectoryFilters, getDirectoryStructure, getFaq } from "./directory-api.ts";
export { readDirectorySearch } from "./directory-href.ts";
export { default as DirectorySearchPage } from "./directory-page.tsx";
export { default as DirectoryStructurePage } from "./directory-structure-page.tsx";
export { default as FaqPage } from "./faq-page.tsx";
export { default as OrientationPage } from "./orientation-page.tsx";
