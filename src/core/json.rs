//! A small, strict JSON reader (RFC 8259) for the content files.
//!
//! Why not serde_json: the generic serde machinery was about a fifth of the app's code
//! (docs/decisions/0008-own-json-reader.md). This reader builds a plain value tree, keeps numbers
//! as their text (the format only needs integers), reads values nested deeper than any content
//! needs without recursing (hostile files cannot overflow the stack) and can be driven value by
//! value, so a huge index is read in slices. Where browsers' `JSON.parse` is lenient in ways
//! content tools rely on, so is this reader: a byte order mark at the start is ignored, and an
//! unpaired surrogate escape (text cut inside an emoji) becomes U+FFFD.

use std::borrow::Cow;

/// A JSON value. Objects keep their members in file order. Strings without escapes (nearly
/// all of them) borrow from the document: reading allocates little.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number as written (validated against the JSON grammar).
    Num(&'a str),
    Str(Cow<'a, str>),
    Arr(Vec<Json<'a>>),
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The member `key` of an object; the last one if a key is repeated (as `JSON.parse` does).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k.as_ref() == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The JSON type's name, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Num(_) => "number",
            Json::Str(_) => "string",
            Json::Arr(_) => "array",
            Json::Obj(_) => "object",
        }
    }
}

/// Where and why a document is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the problem.
    pub at: usize,
    pub message: &'static str,
}

/// Deeper nesting than any content file needs. A value nested deeper is checked (it must still be
/// JSON) but not kept: it reads as `null`, so an unknown field deep down costs the document nothing.
pub const MAX_DEPTH: usize = 128;

/// The UTF-8 byte order mark some export tools write at the start of a file.
const BOM: &str = "\u{feff}";

/// A document without its byte order mark, if it has one.
pub fn without_bom(src: &str) -> &str {
    src.strip_prefix(BOM).unwrap_or(src)
}

/// Parses a whole document (whitespace around it allowed, nothing else).
pub fn parse(src: &str) -> Result<Json<'_>, SyntaxError> {
    let mut reader = Reader::new(src);
    let value = reader.value()?;
    reader.end()?;
    Ok(value)
}

/// A cursor over a document, for reading it piece by piece.
pub struct Reader<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text` (after its byte order mark, if any).
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { src: text.as_bytes(), text, pos: text.len() - without_bom(text).len() }
    }

    /// Where the reader stands (a byte offset), to continue there later with `Reader::at`.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// A reader that continues at `pos` (a position an earlier reader stopped at).
    pub fn at(text: &'a str, pos: usize) -> Reader<'a> {
        Reader { src: text.as_bytes(), text, pos }
    }

    fn fail<T>(&self, message: &'static str) -> Result<T, SyntaxError> {
        Err(SyntaxError { at: self.pos, message })
    }

    pub fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte that is not whitespace, without consuming it.
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.src.get(self.pos).copied()
    }

    /// Consumes `byte` (after whitespace) or fails with `message`.
    pub fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(message)
        }
    }

    /// Only whitespace may follow.
    pub fn end(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters after the document"),
        }
    }

    pub fn value(&mut self) -> Result<Json<'a>, SyntaxError> {
        self.value_at(0)
    }

    /// After an array element or object member: `true` if another follows (`,`), `false` at `close`.
    pub fn more(&mut self, close: u8) -> Result<bool, SyntaxError> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            None => self.fail("unexpected end of the document"),
            _ => self.fail("expected ',' or a closing bracket"),
        }
    }

    /// At the start of an array or object body: `true` if it is empty (and consumes `close`).
    pub fn empty(&mut self, close: u8) -> bool {
        if self.peek() == Some(close) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `"key":` of an object member.
    pub fn key(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        if self.peek() != Some(b'"') {
            return self.fail("expected a member name in quotes");
        }
        let key = self.string()?;
        self.expect(b':', "expected ':' after a member name")?;
        Ok(key)
    }

    fn value_at(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            self.skip_value()?;
            return Ok(Json::Null);
        }
        match self.peek() {
            None => self.fail("unexpected end of the document"),
            Some(b'{') => {
                self.pos += 1;
                // Room for a typical entry's members: fewer reallocations on large files.
                let mut members = Vec::with_capacity(8);
                if !self.empty(b'}') {
                    loop {
                        let key = self.key()?;
                        members.push((key, self.value_at(depth + 1)?));
                        if !self.more(b'}')? {
                            break;
                        }
                    }
                }
                Ok(Json::Obj(members))
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::with_capacity(4);
                if !self.empty(b']') {
                    loop {
                        items.push(self.value_at(depth + 1)?);
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
                Ok(Json::Arr(items))
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("expected a JSON value"),
        }
    }

    /// Checks one value without keeping it and without recursion: containers are tracked on a
    /// stack of their closing brackets, so any depth costs memory, not the call stack.
    fn skip_value(&mut self) -> Result<(), SyntaxError> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value starts here.
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    if !self.empty(b'}') {
                        open.push(b'}');
                        self.key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if !self.empty(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b't') => {
                    self.word("true", Json::Null)?;
                }
                Some(b'f') => {
                    self.word("false", Json::Null)?;
                }
                Some(b'n') => {
                    self.word("null", Json::Null)?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                None => return self.fail("unexpected end of the document"),
                Some(_) => return self.fail("expected a JSON value"),
            }
            // After a value: the next element or member, or closing brackets.
            loop {
                let Some(&close) = open.last() else { return Ok(()) };
                if self.more(close)? {
                    if close == b'}' {
                        self.key()?;
                    }
                    break;
                }
                open.pop();
            }
        }
    }

    fn word(&mut self, word: &'static str, value: Json<'a>) -> Result<Json<'a>, SyntaxError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.fail("expected a JSON value")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.src.get(self.pos), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.pos;
        if self.src[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 || (n > 1 && self.src[int_start] == b'0') {
            return self.fail("invalid number");
        }
        if self.src.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.src.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.src.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        Ok(Json::Num(&self.text[start..self.pos]))
    }

    /// A string starting at the opening quote: borrowed from the document unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        let mut out: Option<String> = None;
        loop {
            let run = self.pos;
            while let Some(&b) = self.src.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The run ends at an ASCII byte, so it is whole UTF-8.
            let text = &self.text[run..self.pos];
            match self.src.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(&self.text[start..self.pos - 1]),
                        Some(mut s) => {
                            s.push_str(text);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(text);
                    self.pos += 1;
                    self.escape(s)?;
                }
                Some(_) => return self.fail("control character in a string"),
                None => return self.fail("unexpected end of the document in a string"),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(&b) = self.src.get(self.pos) else {
            return self.fail("unexpected end of the document in a string");
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                // A high surrogate with an escaped low one after it is one character; a surrogate
                // without its partner is U+FFFD (as in browsers), the partner-to-be is kept.
                if (0xD800..0xDC00).contains(&first) && self.src[self.pos..].starts_with(b"\\u") {
                    let rest = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        out.push(
                            char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                                .unwrap_or('\u{fffd}'),
                        );
                        return Ok(());
                    }
                    self.pos = rest;
                }
                char::from_u32(first).unwrap_or('\u{fffd}')
            }
            _ => return self.fail("invalid escape in a string"),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.src.get(self.pos..self.pos + 4) else {
            return self.fail("unexpected end of the document in a string");
        };
        let mut code = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return self.fail("invalid \\u escape in a string"),
            };
            code = code * 16 + v as u32;
        }
        self.pos += 4;
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Json<'_> {
        Json::Str(v.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a":[1,-2.5e3,true,false,null,"x\"\\\/\n\u00e4\ud83d\ude00"],"b":{}} "#).unwrap();
        assert_eq!(
            v,
            Json::Obj(vec![
                (
                    "a".into(),
                    Json::Arr(vec![
                        Json::Num("1"),
                        Json::Num("-2.5e3"),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null,
                        s("x\"\\/\nä😀"),
                    ])
                ),
                ("b".into(), Json::Obj(vec![])),
            ])
        );
    }

    #[test]
    fn plain_strings_borrow_and_escaped_ones_are_decoded() {
        let v = parse(r#"["plain", "a\nb\u00fc", "ü\"x"]"#).unwrap();
        let Json::Arr(items) = v else { panic!() };
        assert!(matches!(&items[0], Json::Str(Cow::Borrowed("plain"))));
        assert_eq!(items[1], s("a\nbü"));
        assert_eq!(items[2], s("ü\"x"));
    }

    #[test]
    fn last_repeated_key_wins() {
        assert_eq!(parse(r#"{"a":1,"a":"zwei"}"#).unwrap().get("a"), Some(&s("zwei")));
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for bad in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "'a'",
            "{a:1}",
            "[1 2]",
            "\"a",
            "\"\\x\"",
            "\"a\nb\"",
            "nul",
            "truex",
            "[1]]",
            "NaN",
            "{\"a\" 1}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn reports_where_it_stopped() {
        assert_eq!(parse("<!doctype html>").unwrap_err().at, 0);
        assert_eq!(parse("  {\"a\": ?}").unwrap_err().at, 8);
    }

    #[test]
    fn deep_nesting_is_read_without_recursion_and_not_kept() {
        let deep = format!(
            r#"{{"a":1,"x":{}{{"k":[true,"s\"]",-1.5e2,null]}}{},"b":2}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let v = parse(&deep).unwrap();
        assert_eq!((v.get("a"), v.get("b")), (Some(&Json::Num("1")), Some(&Json::Num("2"))));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        // Deep, but still checked: broken JSON down there is a syntax error.
        for bad in [
            "[".repeat(200) + "1,]" + &"]".repeat(199),
            "[".repeat(200) + &"]".repeat(199),
            "[".repeat(200) + "{1:2}" + &"]".repeat(200),
        ] {
            assert!(parse(&bad).is_err(), "{}", &bad[195..]);
        }
    }

    #[test]
    fn byte_order_mark_and_lone_surrogates_read_as_browsers_read_them() {
        assert_eq!(parse("\u{feff}{\"a\":\"Größe\"}").unwrap().get("a"), Some(&s("Größe")));
        assert!(parse("{}\u{feff}").is_err());
        assert_eq!(parse(r#""Ende \ud83d""#).unwrap(), s("Ende \u{fffd}"));
        assert_eq!(parse(r#""\udc00x""#).unwrap(), s("\u{fffd}x"));
        assert_eq!(parse(r#""\ud83d\u0041""#).unwrap(), s("\u{fffd}A"));
        assert_eq!(parse(r#""\ud83d\ud83d\ude00""#).unwrap(), s("\u{fffd}😀"));
        assert!(parse(r#""\ud83d\u00""#).is_err());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // serde_json, the reference, is a native-only dependency
    fn agrees_with_serde_json_on_valid_documents() {
        let doc = r#"{"x":[{"y":"\u0041\t","z":[0,1.5,-0,2E+2]}],"w":"Grüße 👋 \u200b"}"#;
        let ours = parse(doc).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(doc).unwrap();
        assert_eq!(ours.get("w").and_then(Json::as_str), theirs["w"].as_str());
        assert_eq!(ours.get("x").map(Json::kind), Some("array"));
    }
}
