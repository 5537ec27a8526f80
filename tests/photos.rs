//! Real photos through the publish step (issue #27), run as a CMS runs it (the built binary):
//! what readers download carries nothing of the camera's metadata (read back with a real EXIF
//! reader), is upright, in the widths promised and never wider than the original; every bad
//! image is named with its file and field while its article is still published.

#![cfg(not(target_arch = "wasm32"))]

use image::{ImageEncoder, RgbImage};
use newsroom::core::decode::{decode_article, decode_index};
use newsroom::core::images::Slot;
use newsroom::publish::photos;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsroom-photos-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("content/articles")).unwrap();
    fs::create_dir_all(dir.join("content/media")).unwrap();
    fs::create_dir_all(dir.join("dist")).unwrap();
    fs::copy(repo().join("index.html"), dir.join("dist/index.html")).unwrap();
    dir
}

fn article(dir: &Path, slug: &str, day: u32, image: Option<&str>, body_image: Option<&str>) {
    let mut doc = serde_json::json!({
        "slug": slug, "headline": format!("Meldung {slug}"), "published": format!("2025-11-{day:02}T10:00:00+01:00"),
        "lead": "Ein Vorspann.", "tags": ["Stadt"],
        "body": [{"type": "paragraph", "text": "Ein Absatz."}]
    });
    if let Some(src) = image {
        doc["image"] = serde_json::json!({"src": src, "alt": "Ein Foto", "credit": "Stadt"});
    }
    if let Some(src) = body_image {
        doc["body"].as_array_mut().unwrap().push(serde_json::json!({"type": "image", "src": src, "alt": "Noch eins"}));
    }
    fs::write(dir.join(format!("content/articles/{slug}.json")), doc.to_string()).unwrap();
}

fn publish(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsroom-publish"))
        .arg(dir.join("content"))
        .arg(dir.join("dist"))
        .args(["--site-url", "https://nr.example", "--format", "json"])
        .output()
        .unwrap()
}

fn report(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&o.stderr)))
}

fn served(dir: &Path, slug: &str) -> newsroom::core::model::Article {
    decode_article(&fs::read_to_string(dir.join(format!("dist/api/articles/{slug}.json"))).unwrap()).unwrap()
}

fn file_of(dir: &Path, src: &str) -> Vec<u8> {
    fs::read(dir.join("dist").join(src.trim_start_matches('/'))).unwrap()
}

/// A JPEG of `w`×`h` with an EXIF block (APP1) holding `orientation`, a camera make and a GPS
/// position: what a phone or camera writes.
fn camera_jpeg(w: u32, h: u32, orientation: u16) -> Vec<u8> {
    let rgb = RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 90]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90).encode_image(&rgb).unwrap();
    // TIFF, big-endian: IFD0 with Make, Orientation and a GPS IFD pointer; GPS IFD with latitude.
    let mut t: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend(tag.to_be_bytes());
        t.extend(kind.to_be_bytes());
        t.extend(count.to_be_bytes());
        t.extend(value.to_be_bytes());
    };
    let ifd0_len = 2 + 3 * 12 + 4;
    let make_at = 8 + ifd0_len;
    let make = b"NEWSCAM\0";
    let gps_at = make_at + make.len() as u32;
    t.extend(3u16.to_be_bytes());
    entry(&mut t, 0x010f, 2, make.len() as u32, make_at);
    entry(&mut t, 0x0112, 3, 1, (orientation as u32) << 16);
    entry(&mut t, 0x8825, 4, 1, gps_at);
    t.extend(0u32.to_be_bytes());
    t.extend(make);
    let rational_at = gps_at + 2 + 2 * 12 + 4;
    t.extend(2u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from_be_bytes(*b"N\0\0\0"));
    entry(&mut t, 0x0002, 5, 3, rational_at);
    t.extend(0u32.to_be_bytes());
    for (n, d) in [(51u32, 1u32), (30, 1), (4896, 100)] {
        t.extend(n.to_be_bytes());
        t.extend(d.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(t);
    let mut out = plain[..2].to_vec();
    out.extend([0xff, 0xe1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&plain[2..]);
    out
}

fn exif_fields(bytes: &[u8]) -> usize {
    exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes)).map_or(0, |e| e.fields().count())
}

#[test]
fn the_camera_fixture_really_carries_gps() {
    // The helper's EXIF is read by the same reader that finds none in what is served.
    let jpeg = camera_jpeg(40, 20, 6);
    let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&jpeg)).unwrap();
    assert!(exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).is_some());
    assert!(exif_fields(&fs::read(repo().join("content/media/holz.jpg")).unwrap()) > 10);
}

#[test]
fn served_photos_carry_no_metadata_are_upright_and_never_upscaled() {
    let dir = scratch("strip");
    fs::copy(repo().join("content/media/holz.jpg"), dir.join("content/media/holz.jpg")).unwrap();
    fs::write(dir.join("content/media/hochkant.jpg"), camera_jpeg(400, 200, 6)).unwrap();
    article(&dir, "holz", 3, Some("/media/holz.jpg"), Some("/media/hochkant.jpg"));
    let o = publish(&dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let a = served(&dir, "holz");
    let lead = a.teaser.image.clone().unwrap();
    // The camera's 2560 × 1920: seven widths, the 1200 px JPEG as src, its size reserved.
    assert_eq!(lead.srcset.iter().map(|v| v.width).collect::<Vec<_>>(), photos::WIDTHS);
    assert_eq!((lead.width, lead.height), (Some(1200), Some(900)));
    assert!(lead.src.starts_with("/media/v/") && lead.src.ends_with("-1200.jpg"), "{}", lead.src);
    // Turned upright (orientation 6: a 400 × 200 file shows 200 × 400), not widened past 200.
    let Some(newsroom::core::model::Block::Image(upright)) = a.body.blocks.last() else { panic!("{:?}", a.body) };
    assert_eq!((upright.width, upright.height), (Some(200), Some(400)));
    assert_eq!(upright.srcset.iter().map(|v| v.width).collect::<Vec<_>>(), [200]);
    let mut served_files: Vec<String> = vec![lead.src.clone(), upright.src.clone()];
    served_files.extend(lead.srcset.iter().chain(&upright.srcset).map(|v| v.src.clone()));
    for src in &served_files {
        let bytes = file_of(&dir, src);
        assert_eq!(exif_fields(&bytes), 0, "{src} carries EXIF");
        for secret in
            [&b"DiMAGE"[..], b"KONICA", b"NEWSCAM", b"DZ5-0012345", b"Exif\0\0", b"<x:xmpmeta", b"Photoshop 3.0"]
        {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret), "{src}: {}", String::from_utf8_lossy(secret));
        }
        let (w, h) = image::load_from_memory(&bytes).map(|i| (i.width(), i.height())).unwrap();
        if let Some(v) = lead.srcset.iter().chain(&upright.srcset).find(|v| &v.src == src) {
            assert_eq!(w, v.width, "{src}");
        }
        if src.starts_with(&upright.src[..upright.src.len() - 8]) {
            assert!(h > w, "{src} is not upright: {w} × {h}");
        }
    }
    // The original itself is never served.
    assert!(!dir.join("dist/media/holz.jpg").exists());
    // Link previews: the JPEG with its size; search engines' three ratios in JSON-LD.
    let page = fs::read_to_string(dir.join("dist/nachrichten/holz.html")).unwrap();
    // The published page's body photo: its widths, its slot's sizes, loaded when near.
    let body_img = format!(
        "<img src=\"{}\" srcset=\"{} 200w\" sizes=\"{}\"",
        upright.src,
        upright.srcset[0].src,
        Slot::Body.sizes()
    );
    let at = page.find(&body_img).unwrap_or_else(|| panic!("{body_img} not in the page"));
    assert!(page[at..at + page[at..].find('>').unwrap()].contains("loading=\"lazy\""), "body photo not lazy");
    assert!(page.contains(&format!("content=\"https://nr.example{}\"", lead.src)), "og:image");
    assert!(file_of(&dir, &lead.src).len() <= photos::PREVIEW_MAX_BYTES);
    for ratio in ["16x9", "4x3", "1x1"] {
        assert!(page.contains(&format!("-{ratio}.jpg\"")), "JSON-LD {ratio}");
    }
    // The index names the same files as the article.
    let index = decode_index(&fs::read_to_string(dir.join("dist/api/news.json")).unwrap()).unwrap();
    assert_eq!(index.index.items[0].image.as_ref().unwrap().srcset, lead.srcset);
}

#[test]
fn a_photo_is_made_once_and_its_files_go_when_no_article_shows_it() {
    let dir = scratch("once");
    fs::write(dir.join("content/media/a.jpg"), camera_jpeg(900, 600, 1)).unwrap();
    fs::write(dir.join("content/media/b.jpg"), camera_jpeg(700, 500, 1)).unwrap();
    article(&dir, "a", 3, Some("/media/a.jpg"), None);
    assert!(publish(&dir).status.success());
    let a_files: Vec<String> = served(&dir, "a").teaser.image.unwrap().srcset.iter().map(|v| v.src.clone()).collect();
    let first = fs::metadata(dir.join("dist").join(a_files[0].trim_start_matches('/'))).unwrap().modified().unwrap();
    // A new article: only its photo is made; the first photo's files are not written again.
    article(&dir, "b", 4, Some("/media/b.jpg"), None);
    let r = report(&publish(&dir));
    let written: Vec<String> =
        r["written_files"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()).collect();
    assert!(written
        .iter()
        .filter(|p| p.starts_with("media/v/"))
        .all(|p| !a_files.iter().any(|a| a.ends_with(p.as_str()))));
    assert!(written.iter().any(|p| p.starts_with("media/v/")), "{written:?}");
    let again = fs::metadata(dir.join("dist").join(a_files[0].trim_start_matches('/'))).unwrap().modified().unwrap();
    assert_eq!(first, again);
    // Its file broken: the last good version stays online, with its photo's files.
    fs::write(dir.join("content/articles/a.json"), "{ kaputt").unwrap();
    assert!(!publish(&dir).status.success());
    assert_eq!(served(&dir, "a").teaser.image.unwrap().srcset.len(), a_files.len());
    for src in &a_files {
        assert!(dir.join("dist").join(src.trim_start_matches('/')).exists(), "{src} gone with a broken file");
    }
    // The article withdrawn: its photo's files are removed with it.
    fs::remove_file(dir.join("content/articles/a.json")).unwrap();
    assert!(publish(&dir).status.success());
    for src in &a_files {
        assert!(!dir.join("dist").join(src.trim_start_matches('/')).exists(), "{src} left behind");
    }
    assert!(served(&dir, "b").teaser.image.is_some());
    // … and the step forgets it (its state stays the size of what is published).
    let key = a_files[0].trim_start_matches("/media/v/").split('-').next().unwrap().to_owned();
    let state = fs::read_to_string(dir.join("dist/.publish/photos.json")).unwrap();
    assert!(!state.contains(&key) && !state.contains("a.jpg"), "{state}");
}

#[test]
fn every_bad_image_is_named_and_its_article_still_published() {
    let dir = scratch("bad");
    let media = dir.join("content/media");
    // A JPEG's start, then no picture (a broken upload).
    let mut broken = camera_jpeg(300, 200, 1)[..4].to_vec();
    broken.extend((0..3000u32).map(|i| (i * 7919 % 256) as u8));
    fs::write(media.join("kaputt.jpg"), broken).unwrap();
    // A PNG header claiming 60,000 × 60,000 pixels, in a few bytes: refused before decoding.
    let mut bomb = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bomb).write_image(&[0; 3], 1, 1, image::ExtendedColorType::Rgb8).unwrap();
    bomb[16..24].copy_from_slice(&[0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60]);
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    fs::write(media.join("bombe.png"), &bomb).unwrap();
    let huge = fs::File::create(media.join("riesig.jpg")).unwrap();
    huge.set_len(photos::MAX_FILE_BYTES + 1).unwrap();
    let mut heic = vec![0, 0, 0, 24];
    heic.extend(b"ftypheic\0\0\0\0mif1heic");
    heic.resize(4000, 0);
    fs::write(media.join("iphone.heic"), heic).unwrap();
    fs::copy(repo().join("tests/fixtures/photos/cmyk.jpg"), media.join("cmyk.jpg")).unwrap();
    let mut deep = Vec::new();
    let pixels: Vec<u8> = (0..64 * 48 * 6).map(|i| (i % 251) as u8).collect();
    image::codecs::png::PngEncoder::new(&mut deep)
        .write_image(&pixels, 64, 48, image::ExtendedColorType::Rgb16)
        .unwrap();
    fs::write(media.join("tief.png"), deep).unwrap();
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&[200; 30 * 20 * 3], 30, 20, image::ExtendedColorType::Rgb8)
        .unwrap();
    fs::write(media.join("eigentlich-png.jpg"), png).unwrap();
    let mut gif = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut gif);
        for shade in [10u8, 240] {
            let frame = image::RgbaImage::from_pixel(20, 10, image::Rgba([shade, shade, shade, 255]));
            encoder.encode_frame(image::Frame::new(frame)).unwrap();
        }
    }
    fs::write(media.join("animiert.gif"), gif).unwrap();
    fs::write(
        media.join("zeichnung.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><script>alert(1)</script></svg>"#,
    )
    .unwrap();
    let cases = [
        ("kaputt", "/media/kaputt.jpg", Some("lässt sich nicht lesen")),
        ("bombe", "/media/bombe.png", Some("60000 × 60000 Pixel")),
        ("riesig", "/media/riesig.jpg", Some("MB groß")),
        ("iphone", "/media/iphone.heic", Some("HEIC")),
        ("animiert", "/media/animiert.gif", Some("animiertes GIF")),
        ("cmyk", "/media/cmyk.jpg", None),
        ("tief", "/media/tief.png", None),
        ("eigentlich-png", "/media/eigentlich-png.jpg", None),
        ("zeichnung", "/media/zeichnung.svg", None),
    ];
    for (n, (slug, src, _)) in cases.iter().enumerate() {
        article(&dir, slug, n as u32 + 1, Some(src), None);
    }
    let started = std::time::Instant::now();
    let o = publish(&dir);
    let r = report(&o);
    assert!(started.elapsed().as_secs() < 60, "bounded time");
    assert_eq!(r["published"], cases.len(), "{r}");
    let problems = r["problems"].as_array().unwrap();
    for (slug, src, message) in cases {
        let a = served(&dir, slug);
        let found: Vec<&serde_json::Value> =
            problems.iter().filter(|p| p["file"].as_str() == Some(&format!("{slug}.json"))).collect();
        match message {
            Some(message) => {
                let p = found.first().unwrap_or_else(|| panic!("{slug}: no message in {r}"));
                assert_eq!(p["field"], "image", "{p}");
                let text = p["message"].as_str().unwrap();
                assert!(text.contains(src) && text.contains(message), "{slug}: {text}");
                if slug != "animiert" {
                    assert!(a.teaser.image.is_none(), "{slug}: published with a broken photo");
                    assert!(text.contains("ohne dieses Bild"), "{text}");
                }
            }
            None => assert!(found.is_empty(), "{slug}: {found:?}"),
        }
        if message.is_none() || slug == "animiert" {
            let image = a.teaser.image.unwrap_or_else(|| panic!("{slug} lost its image"));
            assert!(image.width.is_some() && image.height.is_some(), "{slug}: no size");
            if slug == "zeichnung" {
                // Served as it is, never drawn here; its size read from the viewBox.
                assert_eq!((image.src.as_str(), image.width, image.height), (src, Some(160), Some(90)));
                assert!(image.srcset.is_empty());
                assert_eq!(file_of(&dir, src), fs::read(dir.join("content").join(&src[1..])).unwrap());
            } else {
                assert!(!image.srcset.is_empty(), "{slug}");
                for v in &image.srcset {
                    let bytes = file_of(&dir, &v.src);
                    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), v.width);
                }
            }
        }
    }
    // Nothing from a file reaches a page: the SVG's script is in its own file only.
    let page = fs::read_to_string(dir.join("dist/nachrichten/zeichnung.html")).unwrap();
    assert!(!page.contains("alert(1)"));
}

#[test]
fn colours_are_converted_to_srgb_from_the_files_profile() {
    // A Display P3 photo of one colour: served in sRGB it has other numbers (the same colour).
    let rgb = RgbImage::from_pixel(64, 64, image::Rgb([40, 160, 60]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 95).encode_image(&rgb).unwrap();
    let mut tagged = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut tagged, 95);
    encoder.set_icc_profile(moxcms::ColorProfile::new_display_p3().encode().unwrap()).unwrap();
    encoder.encode_image(&rgb).unwrap();
    let green = |bytes: &[u8]| {
        let (made, _) = photos::make(bytes).unwrap();
        let webp = image::load_from_memory(&made.variants[0].1).unwrap().to_rgb8();
        webp.get_pixel(32, 32).0
    };
    let (untagged, p3) = (green(&plain), green(&tagged));
    // Display P3's green is more saturated than sRGB's: in sRGB the same colour has less red
    // and blue beside its green.
    assert!(p3[0] + 10 < untagged[0] && p3[2] + 10 < untagged[2], "untagged {untagged:?}, P3 {p3:?}");
}

/// PNG's chunk checksum (CRC-32, ISO 3309), so the bomb's header is a valid one.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { 0xedb8_8320 ^ (crc >> 1) } else { crc >> 1 };
        }
    }
    !crc
}
