#!/bin/bash
# Checks the council MIME type the way the desktop will use it:
#  1. the package file is valid against shared-mime-info's own DTD (the one at the top of the
#     installed freedesktop.org.xml), which catches wrong element order and unknown attributes
#     that a well-formedness check lets through;
#  2. update-mime-database accepts it, and GIO then names a *.renkei file, and a council header
#     without the extension, application/x-renkei, while a plain SQLite database stays
#     application/vnd.sqlite3 (the magic must not claim every SQLite file);
#  3. given the built renkei, a council it really writes (`renkei demo`) is recognised too.
#
# Usage: check-mime.sh MIME_XML [RENKEI]
set -eu -o pipefail

xml=${1:?usage: $0 MIME_XML [RENKEI]}
renkei=${2:-}
smi=
IFS=: read -r -a data_dirs <<< "${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:/usr/share"
for d in "${data_dirs[@]}"; do
  [ -f "$d/mime/packages/freedesktop.org.xml" ] && { smi="$d/mime/packages/freedesktop.org.xml"; break; }
done
[ -n "$smi" ] || { echo "SKIP: shared-mime-info's freedesktop.org.xml not found"; exit 77; }
for tool in xmllint update-mime-database gio; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not found"; exit 77; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sed -n '/^<!DOCTYPE mime-info \[/,/^\]>/p' "$smi" | sed '1d;$d' > "$tmp/shared-mime-info.dtd"
if [ -s "$tmp/shared-mime-info.dtd" ]; then
  xmllint --noout --dtdvalid "$tmp/shared-mime-info.dtd" "$xml"
  echo "ok: $(basename "$xml") is valid against shared-mime-info's DTD"
else
  # Only a shared-mime-info without its inline DTD gets here; update-mime-database still checks below.
  xmllint --noout "$xml"
  echo "ok: $(basename "$xml") is well-formed (no DTD in $smi to validate against)"
fi

# GIO reads the MIME database from the XDG data dirs: put the temporary one first.
export XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/"
update-mime-database "$tmp/mime" 2>"$tmp/umd.log" || { cat "$tmp/umd.log"; echo "FAIL: update-mime-database"; exit 1; }
if [ -s "$tmp/umd.log" ]; then cat "$tmp/umd.log"; echo "FAIL: update-mime-database warned"; exit 1; fi
grep -q 'x-renkei' "$tmp/mime/magic" || { echo "FAIL: no magic rule for application/x-renkei"; exit 1; }

content_type () { gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
expect () {
  local got
  got=$(content_type "$1")
  if [ "$got" != "$2" ]; then echo "FAIL: $(basename "$1") is $got, expected $2"; exit 1; fi
  echo "ok: $(basename "$1") is $2"
}

# An SQLite header: "SQLite format 3\0", then at offset 68 the big-endian application_id
# (four characters, or none for 0).
header () {
  printf 'SQLite format 3\0' > "$1"
  head -c 52 /dev/zero >> "$1"
  if [ -n "$2" ]; then printf '%s' "$2"; else head -c 4 /dev/zero; fi >> "$1"
  head -c 4024 /dev/zero >> "$1"
}
header "$tmp/council" 'RKEI'
header "$tmp/plain" ''
header "$tmp/plain.renkei" ''
header "$tmp/other-app" 'GPKG'
cp "$tmp/council" "$tmp/council.renkei"

expect "$tmp/council.renkei" application/x-renkei
expect "$tmp/council" application/x-renkei
expect "$tmp/plain.renkei" application/x-renkei
expect "$tmp/plain" application/vnd.sqlite3
[ "$(content_type "$tmp/other-app")" != application/x-renkei ] || { echo "FAIL: another application's database is application/x-renkei"; exit 1; }
echo "ok: another application's SQLite database is not application/x-renkei"

if [ -n "$renkei" ]; then
  HOME="$tmp" "$renkei" demo "$tmp/demo.renkei" >/dev/null
  cp "$tmp/demo.renkei" "$tmp/demo"
  expect "$tmp/demo.renkei" application/x-renkei
  expect "$tmp/demo" application/x-renkei
fi
echo "OK"
