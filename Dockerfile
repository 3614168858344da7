# Exercism's test runner for the Event Workbook exercises (see bin/run.sh and the README, "Grading a class").
# Exercism runs it with no network (`docker run --network none ... <slug> /solution /output`): everything the
# grader needs is installed here, at build time.
FROM node:20-bookworm-slim

WORKDIR /opt/test-runner

# The grader runs the exercises' tests with vitest and tsx (dev dependencies); no browser is needed.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .

ENTRYPOINT ["/opt/test-runner/bin/run.sh"]
