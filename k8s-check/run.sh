#!/usr/bin/env bash
# Offline checks of k8s/: renders every overlay with Kustomize (built into kubectl), validates every object
# against the Kubernetes schemas (and the operators' CRD schemas, see README), enforces the deployment
# policy, and proves with fixtures that broken manifests are rejected. No cluster and no container engine
# needed. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "k8s-check: kubectl (which embeds Kustomize) is required; install the Debian package kubectl" >&2
  exit 1
fi
echo "k8s-check: $(kubectl version --client 2>/dev/null | tr '\n' ' ')"

npm ci --no-audit --no-fund --loglevel=error
node --test test/
