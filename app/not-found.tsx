import Link from "next/link";

// Unknown pages: the console's own page, with the way back.
export default function NotFound() {
  return (
    <section className="page not-found">
      <h1>Page not found</h1>
      <p className="muted">There is no page at this address. It may have moved, or the link is mistyped.</p>
      <p>
        <Link href="/clusters" className="button primary">Clusters</Link>
      </p>
    </section>
  );
}
