"""Tiny expansion DSL used to write rules/typos.yaml (see build.py).

  {a|b|c}  parallel group: the i-th alternative of every {} group on both
           sides is used together (inflections: "tow{|s|ed}" -> "toe{|s|d}")
  (a|b|c)  product group on the left; "$1", "$2" on the right copy the
           alternative chosen for the 1st, 2nd (...) group
"""
import itertools, re

PAR = re.compile(r"\{([^{}]*)\}")
PROD = re.compile(r"\(([^()]*)\)")


def expand(left, right):
    lp, rp = PAR.findall(left), PAR.findall(right)
    sizes = {len(g.split("|")) for g in lp + rp}
    if len(sizes) > 1:
        raise ValueError(f"parallel groups differ in size: {left} => {right}")
    n = sizes.pop() if sizes else 0
    out = []
    for i in range(max(n, 1)):
        l = PAR.sub(lambda m: m.group(1).split("|")[i], left) if n else left
        r = PAR.sub(lambda m: m.group(1).split("|")[i], right) if n else right
        groups = [g.split("|") for g in PROD.findall(l)]
        for combo in itertools.product(*groups):
            it = iter(combo)
            ll = PROD.sub(lambda m: next(it), l)
            rr = r
            for k in range(len(combo), 0, -1):
                rr = rr.replace(f"${k}", combo[k - 1])
            if "$" in rr and re.search(r"\$\d", rr):
                raise ValueError(f"unfilled $ in {left} => {right}")
            ll = " ".join(ll.split()).replace("[ ", "[").replace(" ]", "]")
            rr = " ".join(rr.split())
            out.append((ll, rr))
    return out


def parse_block(text):
    """Lines 'wrong => right'; '# ...' lines start a commented section."""
    sections, current = [], None
    for raw in text.strip("\n").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            current = (line.lstrip("# ").strip(), [])
            sections.append(current)
            continue
        if current is None:
            current = ("", [])
            sections.append(current)
        left, sep, right = line.partition("=>")
        if not sep:
            raise ValueError(f"no '=>' in {line!r}")
        current[1].extend(expand(left.strip(), right.strip()))
    return sections
