#!/usr/bin/env sh
# Exercism's test-runner interface for the Event Workbook exercises:
#   bin/run.sh <exercise-slug> <solution-dir> <output-dir>
# writes <output-dir>/results.json (interface version 3) with `npm run grade -- --exercism`, and exits 0 whenever
# it ran, whatever the verdict. The slug is an exercise folder's name with or without its number: `decide` or
# `01-decide`, `cqrs-event-sourcing`. The solution folder holds that exercise's files (decide.ts, answers.md...); it
# is only read: it is copied under /tmp, laid out like exercises/, and graded there with the repository's own tests.
set -eu

if [ "$#" -ne 3 ]; then
  echo "usage: bin/run.sh <exercise-slug> <solution-dir> <output-dir>" >&2
  exit 2
fi

slug="$1"
solution_dir="${2%/}"
output_dir="${3%/}"
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$output_dir"

# A message of ours as results.json (status error), as Exercism shows it to the student.
write_error() {
  node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ version: 3, status: "error", message: process.argv[2], tests: [] }, null, 2) + "\n")' \
    "$output_dir/results.json" "$1"
}

exercise=""
known=""
for folder in "$root"/exercises/[0-9][0-9]-*/; do
  name="$(basename "$folder")"
  known="$known${known:+, }${name#[0-9][0-9]-}"
  if [ "$slug" = "$name" ] || [ "$slug" = "${name#[0-9][0-9]-}" ]; then
    exercise="$name"
  fi
done

if [ -z "$exercise" ]; then
  write_error "There is no exercise '$slug' in this track. Exercises: $known."
  echo "Unknown exercise slug '$slug' (exercises: $known)." >&2
  exit 1
fi
if [ ! -d "$solution_dir" ]; then
  write_error "The solution folder was not found."
  echo "No solution folder at $solution_dir." >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/exercism-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/$exercise"
cp -R "$solution_dir/." "$work/$exercise/"

cd "$root"
node --import tsx scripts/grade.ts --exercise "$exercise" --dir "$work" --exercism "$output_dir" >"$work/grade.log" 2>&1 || {
  status=$?
  cat "$work/grade.log" >&2
  exit "$status"
}
