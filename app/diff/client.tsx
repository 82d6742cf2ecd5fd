"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { DiffForm } from "@/components/diff/diff-form";
import { TreeDiff } from "@/components/diff/tree-diff";
import { diffUrls, type DiffSides } from "@/lib/diff/client/urls";

/** Two places (same or different clusters) side by side; the sides live in the URL. */
export function DiffScreen() {
  const router = useRouter();
  const url = useSearchParams();
  const left = url.get("left") ?? "";
  const right = url.get("right") ?? "";
  const sides: DiffSides | null = left && right ? { left, right } : null;
  return (
    <div className="page">
      <h1>Compare</h1>
      <DiffForm key={`${left} ${right}`} initial={{ left, right }} onSubmit={(s) => router.replace(diffUrls.page(s))} />
      {sides && <TreeDiff sides={sides} />}
    </div>
  );
}
