"use client";

import { useState } from "react";
import { useIsAdmin } from "@/components/clusters/use-is-admin";
import { NewToken } from "@/components/tokens/new-token";
import { ServiceAccounts } from "@/components/tokens/service-accounts";
import { TokenForm } from "@/components/tokens/token-form";
import { TokenList } from "@/components/tokens/token-list";
import type { CreatedToken } from "@/lib/tokens/client/types";

export function TokensScreen() {
  const isAdmin = useIsAdmin();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <>
      {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      <TokenList />
      <TokenForm onCreated={setCreated} />
      {isAdmin && <ServiceAccounts />}
    </>
  );
}
