/**
 * An address as the server takes it (zod's e-mail pattern, stricter than the browser's:
 * « lea@exemple » needs a domain suffix), checked before it is sent.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const isEmailAddress = (text: string) => EMAIL.test(text);
