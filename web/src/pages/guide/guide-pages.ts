// The public guide (« Trouver le bon interlocuteur », « Où s'adresser », questions and answers)
// as one chunk, loaded on its first page: it stays out of the booking page's bundle.
export { default as OrientationPage } from "./orientation-page.tsx";
