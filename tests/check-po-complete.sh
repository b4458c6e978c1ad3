#!/bin/bash
# Fails unless po/ja.po translates every message the sources have today: no message missing,
# untranslated or fuzzy, and none left over from strings the sources no longer contain.
# The POT is regenerated from po/POTFILES.in exactly as meson's `renkei-pot` target does
# (i18n.gettext preset "glib"), so a string added to the code without a translation fails here.
#
# Usage: check-po-complete.sh SOURCE_ROOT [LANG]   (LANG defaults to ja)
set -eu -o pipefail

srcroot=${1:?usage: $0 SOURCE_ROOT [LANG]}
lang=${2:-ja}
po="$srcroot/po/$lang.po"
potfiles="$srcroot/po/POTFILES.in"

for tool in xgettext msgattrib msgcomm msgfmt; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not found (gettext)"; exit 77; }
done
[ -f "$po" ] || { echo "FAIL: $po does not exist"; exit 1; }
[ -f "$potfiles" ] || { echo "FAIL: $potfiles does not exist"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every file POTFILES.in names must exist, or xgettext's error would be the only clue.
missing=0
while IFS= read -r f; do
  f=${f%%#*}; f=${f//[[:space:]]/}
  [ -z "$f" ] && continue
  if [ ! -f "$srcroot/$f" ]; then echo "FAIL: POTFILES.in lists $f, which does not exist"; missing=1; fi
done < "$potfiles"
# And every source file with a translatable string must be listed, or its strings never reach the template.
for f in "$srcroot"/app/*.c "$srcroot"/app/*.h "$srcroot"/ui/*.c "$srcroot"/ui/*.h "$srcroot"/ui/*.ui; do
  [ -f "$f" ] || continue
  rel=${f#"$srcroot"/}
  if grep -qE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|g_dpgettext2|ngettext) ?\(|translatable="(yes|true)"' "$f" \
     && ! grep -qxF "$rel" <(sed 's/[[:space:]]*#.*//; s/[[:space:]]*$//' "$potfiles"); then
    echo "FAIL: $rel has translatable strings but is not listed in po/POTFILES.in"
    missing=1
  fi
done
[ "$missing" = 0 ] || exit 1

# The same keywords and flags as meson's glib preset.
xgettext --package-name=renkei --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  --directory="$srcroot" --files-from="$potfiles" --output="$tmp/renkei.pot" --force-po

# Compare only live entries: obsolete (#~) ones are history, not messages.
msgattrib --no-obsolete --force-po --output-file="$tmp/live.po" "$po"

# A message count, without the header entry.
count () { msgattrib --no-obsolete --force-po --no-wrap "$1" | awk '/^msgid / { n++ } END { print (n > 0 ? n - 1 : 0) }'; }
# The first 40 msgids of a catalogue, one a line, for the report (sed, not head: no SIGPIPE under pipefail).
msgids () { msgattrib --no-wrap --no-location --no-obsolete --force-po "$1" | sed -n 's/^msgid \("..*"\)$/  \1/p' | sed -n '1,40p'; }

status=0

# Messages in exactly one of the two files: in the sources and not in ja.po, or the other way round.
msgcomm --more-than=1 --no-location --force-po --output-file="$tmp/common.po" "$tmp/renkei.pot" "$tmp/live.po"
msgcomm --unique --no-location --force-po --output-file="$tmp/only-pot.po" "$tmp/renkei.pot" "$tmp/common.po"
msgcomm --unique --no-location --force-po --output-file="$tmp/only-po.po" "$tmp/live.po" "$tmp/common.po"

n=$(count "$tmp/only-pot.po")
if [ "$n" -gt 0 ]; then
  echo "FAIL: $n message(s) in the sources are missing from $lang.po (run: ninja -C BUILD renkei-pot renkei-update-po):"
  msgids "$tmp/only-pot.po"
  status=1
fi
n=$(count "$tmp/only-po.po")
if [ "$n" -gt 0 ]; then
  echo "FAIL: $n message(s) in $lang.po are no longer in the sources (out of date):"
  msgids "$tmp/only-po.po"
  status=1
fi

msgattrib --untranslated --no-obsolete --force-po --output-file="$tmp/untranslated.po" "$po"
n=$(count "$tmp/untranslated.po")
if [ "$n" -gt 0 ]; then
  echo "FAIL: $n message(s) in $lang.po are untranslated:"
  msgids "$tmp/untranslated.po"
  status=1
fi

msgattrib --only-fuzzy --no-obsolete --force-po --output-file="$tmp/fuzzy.po" "$po"
n=$(count "$tmp/fuzzy.po")
if [ "$n" -gt 0 ]; then
  echo "FAIL: $n message(s) in $lang.po are fuzzy:"
  msgids "$tmp/fuzzy.po"
  status=1
fi

if ! msgfmt --check --output-file=/dev/null "$po"; then
  echo "FAIL: msgfmt --check rejects $lang.po"
  status=1
fi

total=$(count "$tmp/renkei.pot")
if [ "$status" = 0 ]; then
  echo "OK: $lang.po translates all $total message(s) of the sources"
fi
exit "$status"
