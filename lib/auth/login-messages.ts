// Sentences the sign-in form shows as they are (anything else it answers with "Invalid username or password").

/** The one answer when an attempt cannot be checked or counted, whether the password was right or wrong. */
export const SIGN_IN_UNAVAILABLE = "Sign-in is unavailable right now: the console cannot record sign-in attempts. Try again later.";
