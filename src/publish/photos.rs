//! From a photographer's original to what readers download (decision 18): decoded within
//! bounds, turned upright (EXIF orientation), converted to sRGB from its colour profile, scaled
//! to a few widths (never up) and encoded from pixels alone — so nothing of the original file's
//! metadata (EXIF, GPS, serial numbers, XMP, IPTC, thumbnails, comments) can reach a reader.

use fast_image_resize::{images::Image as Pixels, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// The widths made (CSS pixels × density of the slots in `core::images`): phone thumbnails to a
/// desktop hero. An original narrower than a width gets its own width as the last one instead.
pub const WIDTHS: [u32; 7] = [320, 480, 640, 800, 1080, 1440, 1920];
/// The link preview and the `src` every reader understands: a JPEG of this width (or less).
pub const PREVIEW_WIDTH: u32 = 1200;
/// Messengers drop previews larger than about this.
pub const PREVIEW_MAX_BYTES: usize = 300_000;
/// WebP quality: measured in decision 18 (bytes against visible loss on the bench's photos).
pub const WEBP_QUALITY: f32 = 72.0;
const JPEG_QUALITY: u8 = 80;
/// Larger files are not opened (a camera's original is 5–25 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Larger pictures are not decoded (a 60,000 × 60,000 PNG of a few KB would need 10 GB); a 61
/// megapixel camera's originals are below.
pub const MAX_PIXELS: u64 = 64_000_000;
const MAX_SIDE: u32 = 20_000;
/// Bumped when anything above changes what is made: every photo is made again.
pub const SETTINGS: &str = "photos-1 320,480,640,800,1080,1440,1920 webp72 jpeg80 1200";

/// What was made of one original.
pub struct Made {
    /// Upright size of the original.
    pub width: u32,
    pub height: u32,
    /// (width, WebP bytes), narrowest first.
    pub variants: Vec<(u32, Vec<u8>)>,
    /// (width, height, JPEG bytes) for `src` and link previews.
    pub preview: (u32, u32, Vec<u8>),
    /// Centre crops for search engines' ratios (16:9, 4:3, 1:1): (name, width, height, JPEG).
    pub crops: Vec<(&'static str, u32, u32, Vec<u8>)>,
}

/// Why an original gives no variants: told to the editor in German, naming the file.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    TooLarge(u64),
    TooManyPixels(u32, u32),
    Heic,
    Unknown,
    Broken(String),
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::TooLarge(bytes) => format!(
                "ist {} MB groß (höchstens {} MB); bitte kleiner exportieren (z. B. JPEG mit 3000 Pixeln Breite)",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            Refusal::TooManyPixels(w, h) => format!(
                "hat {w} × {h} Pixel (höchstens {} Millionen); bitte verkleinert exportieren",
                MAX_PIXELS / 1_000_000
            ),
            Refusal::Heic => "ist ein HEIC-Foto (iPhone); bitte als JPEG exportieren".into(),
            Refusal::Unknown => "ist kein Bild in einem bekannten Format (JPEG, PNG, WebP, GIF)".into(),
            Refusal::Broken(why) => format!("lässt sich nicht lesen (beschädigt?): {why}"),
        }
    }
}

/// Decodes `bytes` and makes every variant. Bounded in memory by `MAX_PIXELS` (checked from the
/// header, before any pixel is decoded) and so in time.
pub fn make(bytes: &[u8]) -> Result<(Made, Vec<String>), Refusal> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    let mut notes = Vec::new();
    let (mut picture, icc) = decode(bytes, &mut notes)?;
    let rgb = to_srgb(picture.to_rgb8(), icc.as_deref(), &mut notes);
    picture = DynamicImage::ImageRgb8(rgb);
    let rgb = picture.as_rgb8().expect("made rgb8 above");
    let (width, height) = rgb.dimensions();
    let mut variants = Vec::new();
    for target in widths(width) {
        let scaled = scale(rgb, target, height_for(width, height, target));
        let webp = webp::Encoder::from_rgb(scaled.as_raw(), scaled.width(), scaled.height()).encode(WEBP_QUALITY);
        variants.push((target, webp.to_vec()));
    }
    let preview_width = width.min(PREVIEW_WIDTH);
    let preview_height = height_for(width, height, preview_width);
    let preview = jpeg_within(&scale(rgb, preview_width, preview_height), PREVIEW_MAX_BYTES);
    let mut crops = Vec::new();
    for (name, rw, rh) in [("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1)] {
        let crop = centre_crop(rgb, rw, rh);
        let cw = crop.width().min(PREVIEW_WIDTH);
        let ch = height_for(crop.width(), crop.height(), cw);
        crops.push((name, cw, ch, jpeg_within(&scale(&crop, cw, ch), PREVIEW_MAX_BYTES)));
    }
    let made = Made { width, height, variants, preview: (preview_width, preview_height, preview), crops };
    Ok((made, notes))
}

/// The widths to make for an original `width` pixels wide: never wider than the original.
pub fn widths(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    if out.len() < WIDTHS.len() {
        out.push(width.min(WIDTHS[WIDTHS.len() - 1]));
    }
    out.dedup();
    out
}

fn height_for(width: u32, height: u32, target: u32) -> u32 {
    ((height as u64 * target as u64 + width as u64 / 2) / width as u64).max(1) as u32
}

fn decode(bytes: &[u8], notes: &mut Vec<String>) -> Result<(DynamicImage, Option<Vec<u8>>), Refusal> {
    if is_heic(bytes) {
        return Err(Refusal::Heic);
    }
    let reader =
        ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| Refusal::Broken(e.to_string()))?;
    let Some(format) = reader.format() else { return Err(Refusal::Unknown) };
    if !matches!(
        format,
        image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP | image::ImageFormat::Gif
    ) {
        return Err(Refusal::Unknown);
    }
    if format == image::ImageFormat::Gif && is_animated_gif(bytes) {
        notes.push("ist ein animiertes GIF: gezeigt wird nur das erste Bild (Bewegtbild bitte als Video)".into());
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    let mut decoder = reader.into_decoder().map_err(|e| broken(e, bytes))?;
    let (w, h) = decoder.dimensions();
    if w as u64 * h as u64 > MAX_PIXELS || w > MAX_SIDE || h > MAX_SIDE {
        return Err(Refusal::TooManyPixels(w, h));
    }
    decoder.set_limits(limits).map_err(|e| broken(e, bytes))?;
    let icc = decoder.icc_profile().ok().flatten();
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| broken(e, bytes))?;
    picture.apply_orientation(orientation);
    Ok((picture, icc))
}

fn broken(e: image::ImageError, bytes: &[u8]) -> Refusal {
    match e {
        image::ImageError::Limits(_) => {
            let (w, h) = image::ImageReader::new(Cursor::new(bytes))
                .with_guessed_format()
                .ok()
                .and_then(|r| r.into_dimensions().ok())
                .unwrap_or((0, 0));
            Refusal::TooManyPixels(w, h)
        }
        image::ImageError::Unsupported(_) => Refusal::Unknown,
        other => Refusal::Broken(other.to_string().chars().take(160).collect()),
    }
}

/// ISO BMFF with an HEIF brand (`ftypheic`, `ftypmif1` …): a phone's photo the browsers cannot show.
fn is_heic(bytes: &[u8]) -> bool {
    bytes.len() > 12
        && &bytes[4..8] == b"ftyp"
        && matches!(&bytes[8..12], b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" | b"mif1" | b"msf1" | b"avif")
}

fn is_animated_gif(bytes: &[u8]) -> bool {
    use image::AnimationDecoder;
    image::codecs::gif::GifDecoder::new(Cursor::new(bytes))
        .map(|d| d.into_frames().take(2).count() > 1)
        .unwrap_or(false)
}

/// Pixels in the original's colour space (its ICC profile) converted to sRGB; without a profile
/// (or one that cannot be read: said so) they are taken as sRGB already.
fn to_srgb(rgb: RgbImage, icc: Option<&[u8]>, notes: &mut Vec<String>) -> RgbImage {
    let Some(icc) = icc else { return rgb };
    let source = match moxcms::ColorProfile::new_from_slice(icc) {
        Ok(p) if p.color_space == moxcms::DataColorSpace::Rgb => p,
        // A grey or CMYK profile describes the decoder's input, not these RGB pixels.
        Ok(_) => return rgb,
        Err(_) => {
            notes.push("hat ein unlesbares Farbprofil; die Farben werden als sRGB angenommen".into());
            return rgb;
        }
    };
    let srgb = moxcms::ColorProfile::new_srgb();
    let Ok(transform) = source.create_transform_8bit(
        moxcms::Layout::Rgb,
        &srgb,
        moxcms::Layout::Rgb,
        moxcms::TransformOptions::default(),
    ) else {
        notes.push("hat ein Farbprofil, das sich nicht umrechnen lässt; die Farben werden als sRGB angenommen".into());
        return rgb;
    };
    let (w, h) = rgb.dimensions();
    let mut out = vec![0u8; rgb.as_raw().len()];
    if transform.transform(rgb.as_raw(), &mut out).is_err() {
        return rgb;
    }
    RgbImage::from_raw(w, h, out).unwrap_or(rgb)
}

fn scale(rgb: &RgbImage, width: u32, height: u32) -> RgbImage {
    if (width, height) == rgb.dimensions() {
        return rgb.clone();
    }
    let mut dst = Pixels::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(fast_image_resize::FilterType::Lanczos3));
    Resizer::new().resize(rgb, &mut dst, &options).expect("same pixel type, non-zero sizes");
    RgbImage::from_raw(width, height, dst.into_vec()).expect("buffer of width × height × 3")
}

fn centre_crop(rgb: &RgbImage, rw: u32, rh: u32) -> RgbImage {
    let (w, h) = rgb.dimensions();
    let (cw, ch) = if w as u64 * rh as u64 > h as u64 * rw as u64 {
        ((h as u64 * rw as u64 / rh as u64) as u32, h)
    } else {
        (w, (w as u64 * rh as u64 / rw as u64) as u32)
    };
    image::imageops::crop_imm(rgb, (w - cw) / 2, (h - ch) / 2, cw.max(1), ch.max(1)).to_image()
}

/// A JPEG of `rgb` no larger than `max` bytes (lower quality until it fits; a JPEG from pixels
/// carries no metadata but its JFIF header).
fn jpeg_within(rgb: &RgbImage, max: usize) -> Vec<u8> {
    let mut quality = JPEG_QUALITY;
    loop {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
            .encode_image(rgb)
            .expect("encoding into memory");
        if out.len() <= max || quality <= 40 {
            return out;
        }
        quality -= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(widths(5120), WIDTHS.to_vec());
        assert_eq!(widths(1000), [320, 480, 640, 800, 1000]);
        assert_eq!(widths(320), [320]);
        assert_eq!(widths(100), [100]);
    }

    #[test]
    fn heic_and_unknown_bytes_are_named() {
        let mut heic = vec![0, 0, 0, 24];
        heic.extend(b"ftypheic\0\0\0\0mif1heic");
        assert_eq!(make(&heic).err(), Some(Refusal::Heic));
        assert_eq!(make(b"not a picture at all").err(), Some(Refusal::Unknown));
    }
}
