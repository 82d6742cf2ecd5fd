/** What a signed-in non-admin sees on an admin page (the API refuses with 403 anyway). */
export function AdminsOnly() {
  return (
    <section className="error-box" role="alert" data-testid="admins-only">
      <strong>Admins only</strong>
      <p>This page is for console administrators. Ask an admin if you need access.</p>
    </section>
  );
}
