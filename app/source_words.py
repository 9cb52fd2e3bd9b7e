"""The generator's source reference in words, for what people read (spreadsheets, reports).

Every generated row cites the generator that made it, e.g. `synthetic:province:seed=1`: an id in
`marts.dim_source`, right for SQL and for the plain CSV that other tools join on, but a code
where a person expects words. The words keep everything the code says (which generator, which
seed), so a generated value stays labelled as generated and can still be reproduced.
"""

from __future__ import annotations

import re

from thidua.i18n.messages import Lang, message_keys, t

_GENERATOR_REF = re.compile(r"synthetic:(?P<tier>[a-z_]+):seed=(?P<seed>\d+)")


def generator_words(tier: str, seed: str, lang: Lang) -> str:
    """For `synthetic:province:seed=1`: "Bộ sinh dữ liệu mô phỏng (bộ dữ liệu cấp tỉnh, giá trị
    khởi tạo 1)"."""
    key = f"source.tier.{tier}"
    tier_words = t(key, lang) if key in message_keys() else tier
    run = t("source.generator_run", lang, tier=tier_words, seed=seed)
    return f"{t('source.synthetic', lang)} ({run})"


def refs_in_words(text: str, lang: Lang) -> str:
    """`text` with every generator reference in it written out in words.

    The presenters already write a generated row's source as "<generator> (<reference>)"; that
    reads once ("Bộ sinh dữ liệu mô phỏng (cấp tỉnh, …)"), not with the generator named twice.
    """
    if "synthetic:" not in text:
        return text
    wrapped = re.compile(
        rf"{re.escape(t('source.synthetic', lang))} \(({_GENERATOR_REF.pattern})\)"
    )
    text = wrapped.sub(lambda m: m.group(1), text)
    return _GENERATOR_REF.sub(lambda m: generator_words(m["tier"], m["seed"], lang), text)


def is_generator_ref(ref: str) -> bool:
    """Whether a source reference names the generator (not a real source)."""
    return _GENERATOR_REF.fullmatch(ref) is not None
