#!/usr/bin/env bash
# Regenerates the C# client the tests drive the API with (tests/ElderCare.ApiClient, checked in) from the OpenAPI document
# the app serves now (ADR 29). Writes the document with the test host (no server, no database of your own: the
# OpenApiDocumentTests fixture), keeps it as tests/ElderCare.ApiClient/openapi.json and runs Kiota (pinned in
# .config/dotnet-tools.json). Run it after changing an endpoint or a request/response type, then commit both:
# OpenApiDocumentTests fails while the checked-in copy differs from the served document.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true
client=tests/ElderCare.ApiClient
document=$(mktemp --suffix=.json)
trap 'rm -f "$document"' EXIT

dotnet build tests/ElderCare.Tests -c Release -v quiet -nologo
ELDERCARE_OPENAPI_OUT="$document" ELDERCARE_TEST_DB=sqlite dotnet test --project tests/ElderCare.Tests -c Release --no-build \
  -- --filter-method "ElderCare.Tests.OpenApi.OpenApiDocumentTests.The_document_is_served_and_written_when_asked" >/dev/null
cp "$document" "$client/openapi.json"

dotnet tool restore >/dev/null
dotnet kiota generate --language CSharp --openapi "$client/openapi.json" --output "$client/Generated" \
  --class-name ElderCareClient --namespace-name ElderCare.ApiClient --exclude-backward-compatible --clean-output --log-level Warning
echo "Regenerated $client from the served document ($(grep -c '"operationId"' "$client/openapi.json") operations)."
