"""Read a document file into the text extraction works on: a saved news page, a Word report, a
PDF with a text layer, or plain text.

Every kind ends in the same shape: NFC text (look-alike letters fixed, as everywhere in thidua),
paragraphs separated by exactly one blank line, the lines of a paragraph joined by single
spaces. Evidence stores offsets into this text, so reading a file twice must give the same text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path

import docx
import pypdf
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString
from docx.table import Table
from docx.text.paragraph import Paragraph

from thidua.errors import FileRejected
from thidua.extract.model import Document
from thidua.normalize import clean_text, fold

_KINDS = {
    "": "text",
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

_URL = re.compile(r"https?://[^\s<>\"“”]+")


def read_document(path: Path) -> Document:
    """The document's body text and where it came from. A file that cannot be read (unsupported,
    damaged, encrypted, a scan without text) raises `FileRejected` naming it, never a traceback.
    """
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        raise FileRejected(
            path.name,
            None,
            "không đọc được loại tệp này; hãy dùng trang web đã lưu (.html, .htm), "
            "Word (.docx), PDF có lớp chữ (.pdf) hoặc văn bản (.txt, .md)",
            "this kind of file cannot be read; use a saved web page (.html, .htm), "
            "Word (.docx), a PDF with a text layer (.pdf) or plain text (.txt, .md)",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRejected(
            path.name, None, f"không mở được tệp ({exc.strerror})", f"cannot open ({exc.strerror})"
        ) from None
    if not data.strip():
        raise FileRejected(path.name, None, "tệp trống", "the file is empty")
    url: str | None = None
    title: str | None = None
    published: str | None = None
    if kind == "text":
        paragraphs = _text_paragraphs(_decode_text(path, data))
    elif kind == "html":
        paragraphs, title, url, published = _read_html(data)
    elif kind == "docx":
        paragraphs, title = _read_docx(path)
    else:
        paragraphs, title = _read_pdf(path)
    text = _join(paragraphs)
    if not text:
        raise FileRejected(path.name, None, "không có chữ nào", "no text in the file")
    if title is None:
        title = _leading_title(text)
    url = url or _stated_url(text)
    return Document(
        text=text,
        source=url or path.name,
        path=str(path),
        kind=kind,
        url=url,
        title=title,
        published=published,
    )


def _join(paragraphs: Iterable[str]) -> str:
    # clean_text collapses every run of whitespace (line breaks too) to one space: what is left
    # of a paragraph is one line, and the blank line between paragraphs is the only break.
    return "\n\n".join(p for p in (clean_text(p) for p in paragraphs) if p)


def _leading_title(text: str) -> str | None:
    """The first paragraph when it is short enough to be a headline."""
    first = text.split("\n\n", 1)[0]
    return first if len(first) <= 200 else None


def _stated_url(text: str) -> str | None:
    """The URL the document names as its source ("Nguồn Thanh Hóa: http://…", "Source: …"),
    else the first URL in it."""
    paragraphs = text.split("\n\n")
    for paragraph in reversed(paragraphs):
        if fold(paragraph).startswith(("nguon", "source")):
            found = _URL.search(paragraph)
            if found:
                return _trim_url(found.group())
    found = _URL.search(text)
    return _trim_url(found.group()) if found else None


def _trim_url(url: str) -> str:
    # Punctuation that ends the sentence around a URL is not part of it.
    return url.rstrip(".,;:!?)]}'")


# --- plain text -----------------------------------------------------------------------------


def _decode_text(path: Path, data: bytes) -> str:
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    else:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        # NUL bytes in text are the other half of UTF-16 code units (Notepad's "Unicode" saved
        # without its mark); otherwise a file that is not UTF-8 was most likely typed on a
        # Vietnamese Windows (code page 1258).
        codec = "utf-16-le" if b"\x00" in data else "cp1258"
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    raise FileRejected(
        path.name,
        None,
        "không đọc được bảng mã chữ; hãy lưu lại dạng UTF-8",
        "unknown text encoding; save the file as UTF-8",
    )


def _text_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t\u00a0\ufeff]*\n", text)
    if len(blocks) == 1:
        # No blank line anywhere: the writer ended each paragraph with one line break.
        return text.split("\n")
    return [paragraph for block in blocks for paragraph in _table_rows_apart(block)]


def _table_rows_apart(block: str) -> list[str]:
    """A table typed or pasted as text ("1 | Sở A | 95,5 | Nhất") keeps one row per paragraph, as
    the Word and HTML readers write tables; the other lines of a block are one paragraph."""
    lines = block.split("\n")
    if sum(" | " in line for line in lines) < 2:
        return [block]
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        if " | " in line:
            out.extend(["\n".join(run)] if run else [])
            out.append(line)
            run = []
        else:
            run.append(line)
    out.extend(["\n".join(run)] if run else [])
    return out


# --- HTML -----------------------------------------------------------------------------------

# Never text a reader reads, wherever they are and however large (a page's state in a script).
_NEVER_TEXT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "button",
        "select",
        "textarea",
        "figcaption",
    }
)
# Page furniture by name; like furniture named by class, only when it is a small part of the page.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
# Class or id words of page furniture, in English and in Vietnamese site slugs (tin-lien-quan
# "related news", binh-luan "comments", xem-them "see more", quang-cao "ads", …). A word must
# stand alone between "-"/"_" so that e.g. "shadow" does not read as "ads".
_FURNITURE_WORDS = re.compile(
    r"(?:^|[-_])(?:"
    r"nav|navbar|navigation|menus?|breadcrumbs?|sidebar|side-bar|"
    r"related|relate|(?:tin-?)?lien-?quan|tin-?khac|tin-?moi|xem-?them|doc-?them|more|"
    r"most-?read|(?:doc|xem)-?nhieu|comments?|binh-?luan|y-?kien|share|sharing|social|mxh|"
    r"tags?|keywords?|tu-?khoa|ads?|adv|advert\w*|quang-?cao|banner|rating|vote|widgets?|"
    r"footer|header|meta|byline|print|toolbar|popup|modal|cookies?|subscribe|newsletter|"
    r"hotline|logo|search|stats?|views|luot-?xem|date|time"
    r")(?:$|[-_])"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    }
)
# Blocks whose inline text is one paragraph even across <br>; in other blocks (a <div> of text
# and <br>s, as many Vietnamese sites write articles) a <br> starts a new paragraph.
_PARAGRAPH_TAGS = frozenset(
    {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "pre"}
)
_LAYOUT_TAGS = ["div", "table", "ul", "ol", "section", "article", "h1", "h2", "h3", "h4"]
_BREAK = "\u2028"  # a <br>: whitespace to clean_text, a paragraph break in a <div>'s text
_PUBLISHED_KEYS = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "date",
)


def _read_html(data: bytes) -> tuple[list[str], str | None, str | None, str | None]:
    # Bytes, not text: BeautifulSoup reads the page's own <meta charset> (or its BOM).
    soup = BeautifulSoup(data, "html.parser")
    title = _meta(soup, "og:title") or _page_h1(soup) or _tag_text(soup.title)
    url = _link(soup, "canonical") or _meta(soup, "og:url")
    # Before the furniture goes: the article's <time> often sits in its byline ("meta") block.
    article = soup.find("article")
    published = (
        _meta_date(soup)
        or (_time_date(article) if isinstance(article, Tag) else None)
        or _time_date(soup)
    )
    for br in soup.find_all("br"):
        br.replace_with(_BREAK)
    page = soup.body or soup
    _drop_furniture(page)
    root = _article_root(page)
    _drop_furniture(root)
    blocks: list[str] = []
    _blocks(root, blocks)
    paragraphs = [title] if title else []
    heading = _key(title or "")
    paragraphs.extend(b for b in blocks if _key(b) != heading)
    return paragraphs, title, url, published


def _key(text: str) -> str:
    return clean_text(text).casefold()


def _tag_text(tag: Tag | None) -> str | None:
    text = clean_text(tag.get_text()) if tag is not None else ""
    return text or None


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    for attribute in ("property", "name", "itemprop"):
        tag = soup.find("meta", attrs={attribute: re.compile(f"^{re.escape(name)}$", re.I)})
        if isinstance(tag, Tag):
            content = clean_text(str(tag.get("content") or ""))
            if content:
                return content
    return None


def _link(soup: BeautifulSoup, rel: str) -> str | None:
    for tag in soup.find_all("link", href=True):
        if rel in (tag.get_attribute_list("rel") or []):
            href = clean_text(str(tag["href"]))
            if href.startswith(("http://", "https://")):
                return href
    return None


def _page_h1(soup: BeautifulSoup) -> str | None:
    # A site's logo is often an <h1> too: take the first one that is not page furniture.
    for h1 in soup.find_all("h1"):
        if not _looks_like_furniture(h1):
            return _tag_text(h1)
    return None


def _iso_date(value: str | None) -> str | None:
    found = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not found:
        return None
    try:
        return dt.date(*(int(part) for part in found.groups())).isoformat()
    except ValueError:
        return None


def _meta_date(soup: BeautifulSoup) -> str | None:
    for key in _PUBLISHED_KEYS:
        date = _iso_date(_meta(soup, key))
        if date:
            return date
    for script in soup.find_all("script", type="application/ld+json"):
        # A regular expression, not json.loads: pages often ship JSON-LD that is not strict JSON.
        found = re.search(r"\"datePublished\"\s*:\s*(\"[^\"]*\")", script.string or "")
        if found:
            try:
                date = _iso_date(str(json.loads(found.group(1))))
            except ValueError:
                date = None
            if date:
                return date
    return None


def _time_date(scope: Tag) -> str | None:
    for time in scope.find_all("time", datetime=True):
        date = _iso_date(str(time["datetime"]))
        if date:
            return date
    return None


def _looks_like_furniture(tag: Tag) -> bool:
    if tag.name in _FURNITURE_TAGS:
        return True
    names = [*tag.get_attribute_list("class"), str(tag.get("id") or "")]
    for name in names:
        if not name:
            continue
        word = _CAMEL.sub("-", str(name)).lower()
        if "caption" in word or _FURNITURE_WORDS.search(word):
            return True
    return False


def _captioned_image(tag: Tag) -> bool:
    """A paragraph or box holding a photo and a line under it: the photo's caption, as older
    Vietnamese sites write it (<p><img …><br><em>Toàn cảnh hội nghị</em></p>)."""
    return tag.name in ("p", "div", "center") and tag.find("img") is not None and _size(tag) < 150


def _size(tag: Tag) -> int:
    return len("".join(tag.get_text().split()))


def _drop_furniture(scope: Tag) -> None:
    """Remove the furniture inside `scope`. Furniture is small: an element holding most of the
    text (an ASP.NET page's all-wrapping <form>, a "page-has-sidebar" wrapper) is the page."""
    for tag in scope.find_all(_NEVER_TEXT):
        if not tag.decomposed:  # inside one removed already
            tag.decompose()
    total = _size(scope)
    for tag in scope.find_all(True):
        if tag.decomposed:
            continue
        if _captioned_image(tag) or (_looks_like_furniture(tag) and _size(tag) * 2 < total):
            tag.decompose()


def _article_root(page: Tag) -> Tag:
    """The element holding the article: the one the page marks as such, else the block that
    holds the most paragraph text (its parent scoring half, so text split over sibling blocks
    still finds its common container)."""
    # An <article> holding little of the page is a teaser card of a listing, not the article.
    articles = page.find_all("article")
    if articles:
        largest = max(articles, key=_size)
        if _size(largest) * 3 >= _size(page):
            return largest
    marked = page.find(True, attrs={"itemprop": "articleBody"})
    if isinstance(marked, Tag):
        return marked
    scores: dict[int, tuple[float, Tag]] = {}
    for paragraph in page.find_all("p"):
        length = _size(paragraph)
        parent = paragraph.parent
        for share in (1.0, 0.5):
            if parent is None:
                break
            score, _ = scores.get(id(parent), (0.0, parent))
            scores[id(parent)] = (score + share * length, parent)
            parent = parent.parent
    if not scores:
        return page
    return _with_headline(max(scores.values(), key=lambda scored: scored[0])[1], page)


# How much text a climb from the body to its headline's container may add (the lead, a byline)
_HEADLINE_CLIMB = 1.5


def _with_headline(root: Tag, page: Tag) -> Tag:
    """The body's container that also holds the headline, when the climb adds little text: a
    lead ("sapo") often sits beside the body, under the <h1>, not inside it."""
    headline = page.find("h1")
    if not isinstance(headline, Tag) or root in headline.parents or headline in root.parents:
        return root
    for container in root.parents:
        if container is page or _size(container) > _HEADLINE_CLIMB * _size(root):
            return root
        if headline in container.descendants:
            return container
    return root


def _blocks(node: Tag, out: list[str]) -> None:
    """Append the paragraphs of `node` in document order: a paragraph-like element's text,
    the loose text of a <div> between its blocks, a table's rows."""
    run: list[str] = []
    splits = node.name not in _PARAGRAPH_TAGS

    def flush() -> None:
        text = "".join(run)
        out.extend(text.split(_BREAK) if splits else [text])
        run.clear()

    for child in node.children:
        if isinstance(child, PreformattedString):  # <!-- comments -->, <!DOCTYPE>, CDATA
            continue
        if isinstance(child, NavigableString):
            run.append(str(child))
        elif isinstance(child, Tag):
            if child.name == "table":
                flush()
                _table(child, out)
            elif child.name in _BLOCK_TAGS or child.find(_BLOCK_TAGS) is not None:
                flush()
                _blocks(child, out)
            else:
                run.append(child.get_text())
    flush()


def _table(table: Tag, out: list[str]) -> None:
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    cells = [tr.find_all(["td", "th"], recursive=False) for tr in rows]
    # A table that lays out the page (a cell holding boxes, lists, a table or a whole article)
    # is read as blocks; a data table (members, ranks) as one "cell | cell" line per row. A <p>
    # in a cell does not make it layout: Word's "Save as web page" puts one in every cell.
    if any(c.find(_LAYOUT_TAGS) is not None or _size(c) > 300 for row in cells for c in row):
        for row in cells:
            for cell in row:
                _blocks(cell, out)
        return
    caption = table.find("caption")
    if isinstance(caption, Tag):
        out.append(caption.get_text())
    for row in cells:
        texts = [clean_text(c.get_text()) for c in row]
        out.append(" | ".join(t for t in texts if t))


# --- Word -----------------------------------------------------------------------------------


def _read_docx(path: Path) -> tuple[list[str], str | None]:
    try:
        document = docx.Document(str(path))
        paragraphs: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                paragraphs.append(block.text)
            else:
                paragraphs.extend(_docx_rows(block))
        title = clean_text(document.core_properties.title or "") or None
    except Exception:
        # python-docx reports a damaged file through zipfile, lxml or its own errors, whichever
        # part broke; to the user each means the same thing.
        raise FileRejected(
            path.name,
            None,
            "không đọc được tệp Word (.docx): tệp bị hỏng hoặc không phải .docx; "
            "hãy mở trong Word và lưu lại dạng “Word Document (.docx)”",
            "cannot read the Word file (.docx): it is damaged or not a .docx; "
            "open it in Word and save it as “Word Document (.docx)”",
        ) from None
    return paragraphs, title


def _docx_rows(table: Table) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        texts: list[str] = []
        previous = None
        for cell in row.cells:
            # A merged cell comes back once per grid column it spans: keep it once.
            if cell._tc is previous:
                continue
            previous = cell._tc
            text = clean_text(cell.text)
            if text:
                texts.append(text)
        rows.append(" | ".join(texts))
    return rows


# --- PDF ------------------------------------------------------------------------------------

_SENTENCE_END = (".", "!", "?", "…", ":", ";")


def _read_pdf(path: Path) -> tuple[list[str], str | None]:
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise pypdf.errors.FileNotDecryptedError("a password is needed")
        if not reader.pages:  # what pypdf recovers from a truncated file
            raise pypdf.errors.PdfReadError("no pages")
        pages = [_pdf_page_text(page) for page in reader.pages]
        title = clean_text(str(reader.metadata.title or "")) if reader.metadata else ""
    except (pypdf.errors.FileNotDecryptedError, pypdf.errors.DependencyError):
        # DependencyError: AES encryption, which pypdf opens only with an extra package, even
        # when the password is empty.
        raise FileRejected(
            path.name,
            None,
            "tệp PDF có mật khẩu; hãy lưu lại bản không mật khẩu",
            "the PDF is password-protected; save a copy without a password",
        ) from None
    except Exception:
        # pypdf reports a damaged file through many error types, whichever part broke.
        raise FileRejected(
            path.name,
            None,
            "không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF",
            "cannot read the PDF: it is damaged or not a PDF",
        ) from None
    letters = sum(ch.isalnum() for text in pages for ch in text)
    # A scan's pages carry at most a stamped page number: less text than a line per page.
    if letters < 16 * max(1, len(pages)):
        raise FileRejected(
            path.name,
            None,
            "tệp PDF không có lớp chữ (bản quét); hãy dùng bản có chữ hoặc gõ lại",
            "the PDF has no text layer (a scan); use a text PDF or type the records",
        )
    paragraphs: list[str] = []
    for text in pages:
        paragraphs.extend(_pdf_paragraphs(text))
    return paragraphs, title or None


def _pdf_page_text(page: pypdf.PageObject) -> str:
    # Layout mode places each glyph by its position. The default mode follows the drawing
    # operators and, on PDFs that draw Vietnamese letters from a fallback font (Chromium's "Save
    # as PDF" of a news page), puts a space around each such letter: "t ổ ng k ế t".
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:
        return page.extract_text()


def _pdf_paragraphs(page: str) -> list[str]:
    """A page's lines, each its own paragraph unless it was broken mid-sentence: a line that
    does not end a sentence joins the next when that one starts in lower case, or when the line
    is about as long as the page's longest (the text ran out of room, as before a name)."""
    lines = [clean_text(raw) for raw in page.splitlines()]
    full = 0.75 * max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    previous = ""  # the line before, unless a blank line came between
    for line in lines:
        if not line:
            previous = ""
            continue
        if (
            previous
            and not previous.endswith(_SENTENCE_END)
            and (line[0].islower() or len(previous) >= full)
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous = line
    return paragraphs
