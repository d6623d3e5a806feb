// The legal pages (accessibility statement, privacy notice, legal notice) as one chunk: reached
// from the footer, off the booking path, they stay out of every other page's bundle.

export { AccessibilityPage } from "./accessibility-page.tsx";
export { LegalNoticePage } from "./legal-notice-page.tsx";
export { PrivacyPage } from "./privacy-page.tsx";
