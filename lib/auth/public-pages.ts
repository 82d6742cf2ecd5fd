// Pages anyone may open. Shared by middleware.ts (edge runtime) and the root layout's guard.
export const PATHNAME_HEADER = "x-zkc-pathname";

export const isPublicPage = (pathname: string) => pathname === "/login" || pathname.startsWith("/login/");
