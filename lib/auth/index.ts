export { nextAuthRoute } from "./options";
export { loginMethods, type LoginMethod } from "./providers";
export { guardPage } from "./page-guard";
