# The console as a container image, built on Next.js standalone output (NEXT_OUTPUT=standalone):
# the runtime image holds only .next/standalone (server.mjs, the traced node_modules, the compiled
# session worker and the patched zookeeper binding) and .next/static. README "Several instances".
#
#   docker build -t zk-console .                        # the console (last stage)
#   docker build --target tools -t zk-console-tools .   # migrations and the npm scripts
#   docker run --rm -e DATABASE_URL=postgresql://… zk-console-tools               # prisma migrate deploy
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… -e NEXTAUTH_SECRET=… … zk-console

# Build: the binding's C client is compiled against OpenSSL, Cyrus SASL and Kerberos (postinstall).
FROM node:20-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential patch libssl-dev libsasl2-dev libkrb5-dev libsasl2-modules libsasl2-modules-gssapi-mit \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
# The build reads no database; DATABASE_URL only keeps it from creating data/ in the image.
RUN NEXT_OUTPUT=standalone DATABASE_URL=file:/tmp/build.db npx next build

# Tools: the whole checkout with its dependencies, for `prisma migrate deploy` (run once per release,
# before the instances start) and `npm run audit:verify`, `secrets:rotate`, `audit:checkpoint`.
FROM build AS tools
CMD ["npx", "prisma", "migrate", "deploy"]

# Runtime: the standalone server and the shared libraries the binding loads (SASL mechanisms, GSSAPI).
FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libsasl2-2 libsasl2-modules libsasl2-modules-gssapi-mit \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# data/: SQLite (one instance only) and the keys the console creates when none are given; with
# PostgreSQL and the keys from the environment or mounted files it holds only checkpoints.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
# HOSTNAME: Docker sets it to the container's name; the server must listen on every interface.
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 DEMO_CLUSTER=off
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health?require=database`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.mjs"]
