// Pages anyone may open. Shared by middleware.ts (edge runtime) and the root layout's guard.
export const PATHNAME_HEADER = "x-zkc-pathname";
/** The query string of the page request (with its "?"), so a redirect can keep it. */
export const SEARCH_HEADER = "x-zkc-search";

export const isPublicPage = (pathname: string) => pathname === "/login" || pathname.startsWith("/login/");
