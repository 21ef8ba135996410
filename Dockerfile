# syntax=docker/dockerfile:1.10
# Northwind Supply in a container: Next's standalone server (`node server.js`) on node:20-slim, with PostgreSQL
# from DATABASE_URL. Steps, in order (README.md, "Deploying"):
#   docker build --target tools -t northwind-tools .
#   docker run --rm -e DATABASE_URL=… northwind-tools                       # migrate (npm run db:migrate)
#   docker build --secret id=database_url,env=DATABASE_URL -t northwind .  # pages are prerendered from the database
#   docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… -e APP_URL=https://… northwind

# Dependencies, with the Prisma client generated (postinstall, offline).
FROM node:20-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# The sources and the database commands: `npm run db:migrate` by default, `npm run db:seed` for the demo catalogue
# (no demo sign-ins without DEMO_MODE=true).
FROM deps AS tools
COPY . .
CMD ["npm", "run", "db:migrate"]

# The standalone build. The database (migrated) must be reachable: catalog pages are prerendered from it. Its URL
# comes in as a build secret, so it is not kept in the image or its history.
FROM tools AS build
ENV NEXT_OUTPUT=standalone
RUN --mount=type=secret,id=database_url,env=DATABASE_URL \
    test -n "$DATABASE_URL" || { echo 'Build with --secret id=database_url,env=DATABASE_URL (see README, "Deploying")'; exit 1; } \
    && npm run build

# What runs: the traced server, its static files and public/, as an unprivileged user.
FROM node:20-slim AS runner
WORKDIR /app
# HOSTNAME: server.js listens there (Docker sets it to the container's id). DEMO_MODE=false: a container never has
# the demo sign-ins or the /dev/mail outbox unless DEMO_MODE=true is passed on purpose.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DEMO_MODE=false \
    NODE_OPTIONS=--max-semi-space-size=64
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 3000
CMD ["node", "server.js"]
