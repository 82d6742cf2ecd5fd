/** The CONSOLE_SECRET_KEY of the test runs (a passphrase; tests share one database, so one key). */
export const TEST_CREDENTIAL_KEY = "zk-console test passphrase, not for production";
