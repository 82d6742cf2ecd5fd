import { ChangePasswordForm } from "./client";

export default function ChangePasswordPage() {
  return (
    <>
      <h1>Change password</h1>
      <p className="muted">
        At least 12 characters, not your username and not a common password. When an admin set or reset your
        password, the console asks for a new one before anything else.
      </p>
      <ChangePasswordForm />
    </>
  );
}
