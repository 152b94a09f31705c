"""The anchor the names issue compares against, measured on this machine:
uroman (romanize both sides) + rapidfuzz (closest candidate by fuzz.ratio).

Usage: pip install uroman rapidfuzz; python3 bench/anchors/names_anchor.py [SYNTH_DIR]
SYNTH_DIR holds left.txt/right.txt written by
`cargo run --release -p talign-names --example synth_names -- 10000 DIR` (same inputs as the
talign timing). A measurement aid, not part of the tests or CI.
"""
import csv, sys, time, os
import uroman as ur
from rapidfuzz import process, fuzz

U = ur.Uroman()
DATA = os.path.join(os.path.dirname(__file__), '../../../shared/data/names-dev')
LC = {'bn': 'ben', 'fa': 'fas', 'en': 'eng'}

def rom(names, lang):
    return [U.romanize_string(n, lcode=LC[lang]).lower() for n in names]

for f in ('places.tsv', 'countries.tsv'):
    rows = list(csv.DictReader(open(os.path.join(DATA, f)), delimiter='\t', quoting=csv.QUOTE_NONE))
    r = {l: rom([x[l] for x in rows], l) for l in ('bn', 'fa', 'en')}
    out = []
    for s, d in (('bn', 'fa'), ('fa', 'bn'), ('bn', 'en'), ('fa', 'en')):
        m = process.cdist(r[s], r[d], scorer=fuzz.ratio, workers=2)
        ok = sum(rows[int(row.argmax())][d] == rows[i][d] for i, row in enumerate(m))
        out.append(f'{s}->{d} {ok/len(rows):.3f}')
    print(f, ' '.join(out))

synth = sys.argv[1] if len(sys.argv) > 1 else '/tmp/sn10k'
left = [l.rstrip('\n') for l in open(os.path.join(synth, 'left.txt'))]
right = [l.rstrip('\n') for l in open(os.path.join(synth, 'right.txt'))]
t = time.time(); rl = rom(left[:2000], 'bn'); dt = time.time() - t
print(f'uroman: {2000/dt:.0f} names/s (2000 Bengali names, one core)')
rl = rom(left, 'bn'); rr = [x.lower() for x in right]
t = time.time(); m = process.cdist(rl, rr, scorer=fuzz.ratio, workers=2); dt = time.time() - t
print(f'rapidfuzz cdist {len(rl)}x{len(rr)}, 2 workers, romanized input: {dt:.2f} s')
