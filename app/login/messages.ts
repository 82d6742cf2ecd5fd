// The login page's explanations of next-auth error codes. Unknown codes get a generic sentence:
// the query string is attacker-controlled and must not put arbitrary text on the login page.
export const LOGIN_ERRORS: Record<string, { title: string; text: string }> = {
  NoAccess: {
    title: "No access yet",
    text: "You signed in, but your account has no role in this console: new accounts get no role here, and none of your groups is mapped to one. Ask a console administrator to grant you access, then sign in again.",
  },
  BadSubject: { title: "Sign-in refused", text: "The identity provider did not say who you are (its subject claim is missing or not a text identifier). An administrator should check the provider's configuration." },
  IssuedInFuture: { title: "Sign-in refused", text: "The identity provider's token is dated in the future: its clock or the console's is wrong. Try again in a minute; if it keeps failing, an administrator should check both clocks." },
  Disabled: { title: "Account disabled", text: "Your console account is disabled. Ask a console administrator to enable it." },
  SessionEnded: { title: "Signed out", text: "Your session has ended (your account was disabled or your sessions were revoked). Sign in again if you still have access." },
  CredentialsSignin: { title: "Sign-in failed", text: "Invalid username or password" },
  AccessDenied: { title: "Access denied", text: "The sign-in was refused." },
  OAuthSignin: { title: "Single sign-on failed", text: "The console could not start the sign-in with the identity provider. Try again; if it keeps failing, an administrator should check the OIDC settings." },
  OAuthCallback: { title: "Single sign-on failed", text: "The identity provider's answer could not be verified. Try again from this page." },
  Callback: { title: "Single sign-on failed", text: "The sign-in could not be completed. Try again from this page." },
  SessionRequired: { title: "Sign in first", text: "This page needs a console session." },
};

export const loginError = (code: string | undefined) =>
  code ? LOGIN_ERRORS[code] ?? { title: "Sign-in failed", text: "The sign-in could not be completed. Try again." } : null;
