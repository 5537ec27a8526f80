#!/usr/bin/env bash
# Real photographs through the publish step and onto a phone (issue #27; part of bench/run.sh,
# runs alone after scripts/build.sh). The photographs are the MATE desktop's backgrounds (Debian's
# mate-backgrounds: camera photos of 1280–5640 px, 0.1–16 MB, with their EXIF): 15 news with a
# photo each on top of the sample, one of them with a 2560 px lead photo. Printed: the publish
# step's time and memory (first run; one new article with 3 photos), then bench/photos.mjs on the
# emulated phone against a static copy of the article with one hand-made WebP of the right size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
for tool in exiftool cwebp; do
  command -v "$tool" >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq libimage-exiftool-perl webp >/dev/null; }
done
cargo build --quiet --profile native --locked --bin newsroom-publish
bin="$PWD/target/native/newsroom-publish"
work="$PWD/.bench/photos"
src="$PWD/.bench/photos-src"
if [ ! -d "$src/x/usr/share/backgrounds/mate" ]; then
  mkdir -p "$src" && (cd "$src" && apt-get download mate-backgrounds >/dev/null && dpkg-deb -x mate-backgrounds_*.deb x)
fi
photos=("$src"/x/usr/share/backgrounds/mate/nature/*.jpg "$src"/x/usr/share/backgrounds/mate/abstract/Elephants*.jpg)
rm -rf "$work" && mkdir -p "$work"
export WORK="$work"
cp -r content "$work/content"
cp -r dist "$work/dist"
i=0
for photo in "${photos[@]}"; do
  i=$((i + 1)); name=$(basename "$photo" .jpg | tr 'A-Z_' 'a-z-')
  cp "$photo" "$work/content/media/$name.jpg"
  node -e '
    const [slug, name, day] = process.argv.slice(1);
    const a = { slug, headline: `Foto ${name}: eine Meldung mit einem echten Foto`, kicker: "Stadt",
      published: `2026-01-${String(day).padStart(2, "0")}T10:00:00+01:00`, lead: "Ein Vorspann zur Meldung mit Foto.",
      tags: ["Stadt"], image: { src: `/media/${name}.jpg`, alt: `Foto ${name}`, credit: "MATE (GPL-2+)" },
      body: [{ type: "paragraph", text: "Ein Absatz der Meldung. ".repeat(20) }] };
    require("fs").writeFileSync(`${process.env.WORK}/content/articles/${slug}.json`, JSON.stringify(a));
  ' "foto-$name" "$name" "$((i + 1))"
done
echo "== Photos: publish step, $(nproc) cores (${#photos[@]} originals, $(du -sh "$work/content/media" | cut -f1))"
run() { # label
  /usr/bin/time -f "%e s, %M KB" -o "$work/time" "$bin" "$work/content" "$work/dist" --site-url https://newsroom.stadt.example >"$work/out" 2>&1
  echo "$1: $(cut -d, -f1 "$work/time"), $(( $(cut -d' ' -f3 "$work/time") / 1024 )) MB peak, $(grep -o '[0-9.]* Dateien geschrieben' "$work/out")"
}
run "first run with ${#photos[@]} photos"
run "second run, nothing changed"
# One new article with 3 new photos (other bytes: a camera's next shots).
for n in 1 2 3; do
  { cat "${photos[$n]}"; printf '\0%s' "$n"; } >"$work/content/media/neu-$n.jpg"
done
node -e '
  const a = { slug: "neu-mit-drei-fotos", headline: "Neu: drei Fotos", published: "2026-01-30T10:00:00+01:00",
    image: { src: "/media/neu-1.jpg", alt: "Eins" },
    body: [{ type: "image", src: "/media/neu-2.jpg", alt: "Zwei" }, { type: "image", src: "/media/neu-3.jpg", alt: "Drei" }] };
  require("fs").writeFileSync(`${process.env.WORK}/content/articles/neu-mit-drei-fotos.json`, JSON.stringify(a));'
run "one new article with 3 photos"
# An archive: BENCH_PHOTO_ARCHIVE (default 1000) news with a photo each, published at once. The
# originals are the 15 photographs, each copy with other bytes (a camera's series): every one
# is made.
archive=${BENCH_PHOTO_ARCHIVE:-1000}
if [ "$archive" -gt 0 ]; then
  big="$work/archive"
  mkdir -p "$big/content/articles" "$big/content/media"
  cp content/site.json "$big/content/"
  cp -r dist "$big/dist" && cp dist/.publish/template.html "$big/dist/index.html"
  rm -rf "$big/dist/nachrichten" "$big/dist/pagefind" "$big/dist/api" "$big/dist/media" "$big/dist/.publish/manifest.txt" \
    "$big/dist/index.html.br" "$big/dist/index.html.gz"
  for n in $(seq 1 "$archive"); do
    { cat "${photos[$((n % ${#photos[@]}))]}"; printf '\0%s' "$n"; } >"$big/content/media/foto-$n.jpg"
  done
  ARCHIVE="$big" node -e '
    const fs = require("fs"), n = Number(process.argv[1]);
    for (let i = 1; i <= n; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0"), month = String(1 + (i % 12)).padStart(2, "0");
      fs.writeFileSync(`${process.env.ARCHIVE}/content/articles/foto-${i}.json`, JSON.stringify({
        slug: `foto-${i}`, headline: `Meldung ${i} mit Foto`, published: `2025-${month}-${day}T10:00:00+01:00`,
        image: { src: `/media/foto-${i}.jpg`, alt: `Foto ${i}` }, body: [{ type: "paragraph", text: "Ein Absatz." }] }));
    }' "$archive"
  /usr/bin/time -f "%e s, %M KB" -o "$work/time" "$bin" "$big/content" "$big/dist" --site-url https://newsroom.stadt.example >"$work/out" 2>&1
  echo "first run of $archive photos ($(du -sh "$big/content/media" | cut -f1) of originals): $(cut -d, -f1 "$work/time"), $(( $(cut -d' ' -f3 "$work/time") / 1024 )) MB peak, $(grep -o '[0-9.]* Dateien geschrieben' "$work/out"), $(du -sh "$big/dist/media" | cut -f1) served"
  rm -rf "$big"
fi
served=$(find "$work/dist/media" -type f | wc -l)
leaks=$(exiftool -q -q -if '$GPSLatitude or $SerialNumber or $Make or $Model or $EXIF:all' -p '$FileName' -r "$work/dist/media" 2>/dev/null | wc -l || true)
echo "served photo files: $served; with GPS, serial, camera or any EXIF (ExifTool): $leaks"
# The floor: the same article page, no scripts, one WebP hand-made for the phone's slot
# (358 CSS px at 3 device pixels per CSS pixel: 1074 px).
lead="$work/content/media/twowings.jpg"
mkdir -p "$work/dist/bench"
cwebp -quiet -q 72 -resize 1074 0 -metadata none "$lead" -o "$work/dist/bench/floor.webp"
node -e '
  const fs = require("fs");
  let page = fs.readFileSync(`${process.env.WORK}/dist/nachrichten/foto-twowings.html`, "utf8");
  page = page.replace(/<script[^>]*>[^<]*<\/script>/g, "").replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
  page = page.replace(/(<header[\s\S]*?<img) [^>]*>/, "$1 src=\"/bench/floor.webp\" width=\"1074\" height=\"671\" alt=\"\">");
  fs.writeFileSync(`${process.env.WORK}/dist/bench/static-photo-article.html`, page);'
port=8395
trap 'bash scripts/nginx.sh stop $port' EXIT
bash scripts/nginx.sh start $port "$work/dist" >/dev/null
og=$(grep -o '<meta property="og:image" content="[^"]*"' "$work/dist/nachrichten/foto-elephants-5640x3172.html" | sed 's/.*content="https:\/\/[^/]*//; s/"$//')
echo "og:image of the 5640 px original: $(stat -c %s "$work/dist$og") bytes, $(exiftool -s -s -s -ImageSize "$work/dist$og") px"
node bench/photos.mjs "http://127.0.0.1:$port"
