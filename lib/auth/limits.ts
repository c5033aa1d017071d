/** Password rules, shared by the forms (in the browser) and better-auth's configuration. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
