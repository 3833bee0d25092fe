#!/usr/bin/env bash
# Plays one of the stories against the suite that ./suite runs (start it first, in another
# terminal), over HTTP only with tokens from its Keycloak, and prints the story's narration: what
# was asked, what the suite answered and why. Each run makes its own lines and purposes, so it
# never meets the demo data or an earlier run, and can be played again.
#
#   ./story                    lists the stories
#   ./story laholm-switch-off  plays one
#
# The stories are the end-to-end tests in e2e/ (e2e/src/test/java/se/insyn/e2e/*IT.java), run by
# Maven's failsafe plugin with -Dinsyn.suite=attach, which makes them use the running suite instead
# of starting one of their own.
set -euo pipefail
cd "$(dirname "$0")"

# name|test class|what it shows
STORIES=(
  "laholm-before|LaholmBeforeIT|Laholm, before: a line nobody decided to record; every request is DENY and the report proves nothing was recorded"
  "laholm-done-right|LaholmDoneRightIT|Laholm, done right: four-eyes policy, recording on demand, listening with a reason, disposal with a receipt (about 2-3 minutes: it waits for the disposal job)"
  "laholm-switch-off|LaholmSwitchOffIT|Laholm, the switch-off: the kill switch stops a recording in progress, denies new ones, and needs a second person to release"
  "laholm-vendor-server|LaholmFoundOnTheVendorServerIT|Laholm, found on the vendor's server: quarantine, an incident with its 72-hour deadline, disposal by decision"
  "forsakringskassan|ForsakringskassanDoneRightIT|Försäkringskassan, done right: the officer's own camera choice on the portal page; the manager sees only counts"
  "source-protection|SourceProtectionIT|Source protection: no policy may cover the whistleblowing line; tracing a source in the log is refused and logged"
)
# Tests that stop, kill or restart parts of the suite: only against a suite of their own.
OWN_SUITE=(AuditOutageIT ConsentOutageIT DatabaseRestartIT RecordingCrashDuringUploadIT
  ServiceIdentityIT TraceAcrossServicesIT RealKeycloakIT)

list() {
  echo "Stories to play against the running suite (./story <name>):"
  echo
  for s in "${STORIES[@]}"; do
    IFS='|' read -r name class what <<<"$s"
    printf '  %-22s %s\n' "$name" "$what"
  done
  echo
  echo "Start the suite first with ./suite (in another terminal) and wait for \"Insyn is running\"."
}

if [ $# -eq 0 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  list
  exit 0
fi

wanted="$1"
class=""
for s in "${STORIES[@]}"; do
  IFS='|' read -r name c what <<<"$s"
  if [ "$name" = "$wanted" ] || [ "$c" = "$wanted" ]; then
    class="$c"
    title="$what"
  fi
done
if [ -z "$class" ]; then
  for c in "${OWN_SUITE[@]}"; do
    if [ "$c" = "$wanted" ] || [ "$c" = "${wanted}IT" ]; then
      echo "$c stops, kills or restarts parts of the suite (or needs a suite of its own), so it does" >&2
      echo "not run against the suite ./suite runs. It starts its own suite on free ports:" >&2
      echo >&2
      echo "  ./mvnw -B verify -pl e2e -Dit.test=$c" >&2
      exit 2
    fi
  done
  echo "No story called '$wanted'." >&2
  echo >&2
  list >&2
  exit 2
fi

for url in http://localhost:8180/realms/insyn/.well-known/openid-configuration \
  http://localhost:8081/q/health/ready http://localhost:8082/q/health/ready \
  http://localhost:8083/q/health/ready; do
  if ! java_answer=$(curl -fsS -o /dev/null -m 5 "$url" 2>&1); then
    echo "The suite does not answer at $url ($java_answer)." >&2
    echo "Start it with ./suite in another terminal and wait for \"Insyn is running\"." >&2
    exit 1
  fi
done
if [ ! -d "$HOME/.m2/repository/se/insyn/devstack" ]; then
  echo "The suite's modules are not built and installed yet: run ./suite (without --no-build) once." >&2
  exit 1
fi

echo "Playing $wanted ($class) against the running suite (services on :8081-8083, Keycloak on :8180)."
echo "$title"
echo "Compiling the story first; its narration follows."
# -q keeps Maven and failsafe quiet, so the story's own narration is what is printed; a failure
# still prints failsafe's report of what went wrong.
exec ./mvnw -B -q -pl e2e verify \
  -Dit.test="$class" \
  -Dinsyn.suite=attach \
  -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true
