import { TokensScreen } from "./client";

export default function TokensPage() {
  return (
    <>
      <h1>API tokens</h1>
      <p className="muted">
        Scripts, pipelines and the <code>zk-console</code> command line call the API with <code>Authorization: Bearer zkc_…</code>.
        Every change they make is audited as <em>token &quot;name&quot; of user</em>.
      </p>
      <TokensScreen />
    </>
  );
}
