import { Suspense } from "react";
import { loginMethods } from "@/lib/auth";
import { LoginForm } from "./client";
import { loginError } from "./messages";

// The sign-in methods come from the environment at run time.
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const raw = (await searchParams).error;
  const problem = loginError(Array.isArray(raw) ? raw[0] : raw);
  return (
    <section className="login">
      <h1>Sign in</h1>
      {problem && (
        <div role="alert" className="error-box" data-testid="login-problem">
          <strong>{problem.title}</strong>
          <p>{problem.text}</p>
        </div>
      )}
      {/* useSearchParams needs a Suspense boundary for static rendering. */}
      <Suspense>
        <LoginForm methods={loginMethods()} />
      </Suspense>
    </section>
  );
}
