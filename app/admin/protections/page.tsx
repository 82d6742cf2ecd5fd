import { ProtectionsScreen } from "./client";

export default function ProtectionsPage() {
  return (
    <>
      <h1>Protected paths</h1>
      <p className="muted">
        Every write under a protected prefix becomes a change request that other users must approve before it is applied.
      </p>
      <ProtectionsScreen />
    </>
  );
}
