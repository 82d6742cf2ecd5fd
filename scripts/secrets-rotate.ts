// npm run secrets:rotate – re-seal the stored cluster credentials: CONSOLE_SECRET_KEY is the key they
// are sealed with now, CONSOLE_SECRET_KEY_NEW the one to seal them with; then start the console with
// CONSOLE_SECRET_KEY set to the new value. Stop the console first: it holds the old key in memory.
import { NEW_KEY_ENV, rotateCredentialKey } from "../lib/clusters/rotate-credential-key";

rotateCredentialKey(process.env.CONSOLE_SECRET_KEY, process.env[NEW_KEY_ENV]).then(({ resealed }) => {
  console.log(resealed ? `re-sealed ${resealed} cluster credential(s) with ${NEW_KEY_ENV}: now set CONSOLE_SECRET_KEY to that value and start the console` : "no cluster credentials are stored: nothing to re-seal");
  process.exit(0);
}, (e) => {
  console.error(`secrets:rotate changed nothing: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
