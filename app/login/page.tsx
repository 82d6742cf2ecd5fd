import { Suspense } from "react";
import { LoginForm } from "./client";

export default function LoginPage() {
  return (
    <section className="login">
      <h1>Sign in</h1>
      {/* useSearchParams needs a Suspense boundary for static rendering. */}
      <Suspense>
        <LoginForm />
      </Suspense>
    </section>
  );
}
