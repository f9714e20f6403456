import os, sys, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import expand as E

def trim(left, right, budget, keep=4):
    """Shrink the largest () group on the left until the line expands to <= budget entries."""
    groups = [m.group(1).split("|") for m in E.PROD.finditer(left)]
    par = E.PAR.findall(left) + E.PAR.findall(right)
    npar = len(par[0].split("|")) if par else 1
    sizes = [len(g) for g in groups]
    def total(): return npar * math.prod(sizes) if sizes else npar
    while total() > budget:
        cand = [j for j, s in enumerate(sizes) if s > keep]
        if not cand:
            break
        i = max(cand, key=lambda j: sizes[j]); sizes[i] -= 1
    it = iter(range(len(groups)))
    def sub(m):
        i = next(it); return "(" + "|".join(groups[i][:sizes[i]]) + ")"
    return E.PROD.sub(sub, left)


def star(left, right, hold=2, threshold=24):
    """Sub-lines whose union covers every alternative of every () group at least once:
    group g fully varied while the other groups keep their first `hold` alternatives.
    Lines expanding to <= threshold entries are returned unchanged."""
    if len(E.expand(left, right)) <= threshold:
        return [left]
    groups = [m.group(1).split("|") for m in E.PROD.finditer(left)]
    if len(groups) < 2:
        return [left]
    out = []
    for g in range(len(groups)):
        it = iter(range(len(groups)))
        def sub(m):
            i = next(it)
            alts = groups[i] if i == g else groups[i][:hold]
            return "(" + "|".join(alts) + ")"
        out.append(E.PROD.sub(sub, left))
    return out
