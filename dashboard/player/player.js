// The Strange Situation player: one or more rooms on one clock, animated in the browser.
//
// Python (dashboard/player/__init__.py) sends each dyad's per-second trace once, with the
// coder's scored moments and the words for every code; everything here runs client-side:
// the room (walls, door, chairs, toys), the caregiver, the stranger and the infant drawn with a
// pose for each behaviour code, crying intensity, a labelled gaze line, a legend, and the
// whole-procedure timeline with a cursor that moves with the clock. Controls: play, pause,
// step, speed, scrub, jump to an episode, jump to the next moment the coder scored.
//
// Several dyads share one clock: the clock runs over the episodes, each as long as the longest
// dyad's run of it; a dyad whose episode ended earlier (a separation cut short) holds its last
// second, marked "episode over", until the others catch up. So the three patterns are always
// in the same episode at the same second of it.
//
// The infant's pose follows what the coder counts: held (the record's ``held``), touching an
// adult (the contact zone without holding on: arriving beside her, playing against her), and
// ignoring her (avoidance the coder scored while the infant plays or sits).
//
// The paused position is written into the page's address (``episode``, ``t``) with the
// browser's history API; no message goes to the server.
//
// The state is mirrored in data- attributes (data-master, data-playing, data-speed on the
// player; data-second, data-episode, data-t, data-action, data-held, data-touch, data-ignore,
// data-label on each room) for tests.

const SVGNS = "http://www.w3.org/2000/svg";
const ROOM_MARGIN = { left: 0.45, right: 0.3, top: 0.35, bottom: 0.35 };
const TRAIL = 15;
// How large the figures are drawn (the room is 6 m by 4.5 m): large enough to be read from the
// back of a lecture hall on a projector, so the poses carry the meaning, not the labels.
const INFANT_SCALE = 2.8;
const ADULT_SCALE = 2.1;

function el(tag, attrs = {}, parent = null, text = null) {
  const node = tag.startsWith("svg:")
    ? document.createElementNS(SVGNS, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function inside(v, lo, hi) {
  return Math.max(lo, Math.min(hi, v));
}

function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// --- the shared timeline of several dyads -------------------------------------------------

class Clock {
  // episodes: per dyad a list of [episode, start, length]; builds the master timeline.
  constructor(dyads) {
    this.episodes = [];
    let at = 0;
    for (let e = 1; e <= 8; e++) {
      let len = 0;
      for (const d of dyads) {
        const ep = d.episodes.find((x) => x[0] === e);
        if (ep) len = Math.max(len, ep[2]);
      }
      if (len > 0) {
        this.episodes.push({ e, start: at, length: len });
        at += len;
      }
    }
    this.total = at;
  }
  locate(m) {
    // master second -> {e, t}
    m = Math.max(0, Math.min(this.total - 1, m));
    for (const ep of this.episodes) {
      if (m < ep.start + ep.length) return { e: ep.e, t: m - ep.start };
    }
    const last = this.episodes[this.episodes.length - 1];
    return { e: last.e, t: last.length - 1 };
  }
  master(e, t) {
    const ep = this.episodes.find((x) => x.e === e);
    if (!ep) return 0;
    return ep.start + Math.max(0, Math.min(ep.length - 1, t));
  }
  episode(e) {
    return this.episodes.find((x) => x.e === e);
  }
}

// A dyad's own second at master position (e, t), and whether its episode is already over.
function dyadSecond(d, e, t) {
  const ep = d.episodes.find((x) => x[0] === e);
  if (!ep) return { s: null, over: true };
  const over = t >= ep[2];
  return { s: ep[1] + Math.min(t, ep[2] - 1), over, length: ep[2] };
}

// --- drawing: the room, the adults, the infant ---------------------------------------------

function roomBackground(svg, R, words) {
  const H = R.height;
  const g = el("svg:g", { class: "bg" }, svg);
  el("svg:rect", { x: 0, y: 0, width: R.width, height: H, class: "floor" }, g);
  const [dx, dy] = R.door;
  const gap = 0.5;
  const wall = `M 0 ${H - (dy - gap)} L 0 ${H} L ${R.width} ${H} L ${R.width} 0 L 0 0 L 0 ${H - (dy + gap)}`;
  el("svg:path", { d: wall, class: "wall" }, g);
  el("svg:line", { x1: 0, y1: H - (dy + gap), x2: 0.7, y2: H - (dy + gap) - 0.25, class: "doorleaf" }, g);
  el("svg:path", { d: `M 0.7 ${H - (dy + gap) - 0.25} A 0.8 0.8 0 0 1 0 ${H - (dy - gap)}`, class: "doorarc" }, g);
  el("svg:text", { x: -0.14, y: H - dy, class: "lbl door", transform: `rotate(-90 -0.14 ${H - dy})` }, g, words.door);
  for (const pos of [R.caregiver_chair, R.stranger_chair]) {
    const [cx, cy] = pos;
    el("svg:rect", { x: cx - 0.3, y: H - cy - 0.3, width: 0.6, height: 0.6, rx: 0.08, class: "chair" }, g);
  }
  const [tx, ty] = R.toys;
  el("svg:rect", { x: tx - 0.8, y: H - ty - 0.7, width: 1.6, height: 1.4, rx: 0.12, class: "rug" }, g);
  const blocks = [[-0.45, 0.3, "#A6761D"], [0.35, 0.45, "#8C8C8C"], [0.5, -0.3, "#BFA37A"], [-0.3, -0.45, "#7F7F7F"], [0.05, 0.05, "#666"]];
  for (const [ox, oy, c] of blocks) {
    el("svg:rect", { x: tx + ox - 0.09, y: H - (ty + oy) - 0.09, width: 0.18, height: 0.18, fill: c, rx: 0.02 }, g);
  }
}

// An adult: head and body, sitting or standing, and what she does in words.
function adultSVG(who, colour, act, acts) {
  const sitting = act === acts.SITTING || act === acts.TALKING;
  const body = sitting
    ? `<path d="M -0.2 0.02 Q 0 -0.16 0.2 0.02 L 0.24 0.26 L -0.24 0.26 Z" fill="${colour}"/>`
    : `<path d="M -0.17 -0.02 Q 0 -0.18 0.17 -0.02 L 0.21 0.38 L -0.21 0.38 Z" fill="${colour}"/>`;
  let extra = "";
  if (act === acts.HOLDING || act === acts.RELEASING) {
    extra += `<path d="M -0.16 0.04 Q 0.05 0.2 0.26 -0.04" class="arm" stroke="${colour}"/>`;
  }
  if (act === acts.TALKING || act === acts.CALLING) {
    extra += `<path d="M 0.2 -0.42 q 0.22 -0.12 0.4 -0.02 q -0.08 0.12 -0.3 0.1 l -0.12 0.08 z" class="bubble"/>`;
  }
  if (act === acts.ENTERING) {
    extra += `<path d="M 0.16 -0.05 L 0.3 -0.42" class="arm" stroke="${colour}"/>`;
  }
  return `<circle cx="0" cy="-0.3" r="0.15" fill="${colour}"/>${body}${extra}`;
}

// The infant in one of its poses. Coordinates in metres around (0, 0); ``dir`` = +1 when its
// target lies to the right, -1 to the left (poses face their target).
function infantSVG(action, cry, dir, A, opts = {}) {
  const ink = "#222";
  const skin = "#F2D3B3";
  const k = dir < 0 ? -1 : 1;
  let pose = "";
  let head = { x: 0, y: -0.2 };
  let rot = 0;
  const arms = [];
  let marks = "";
  let face = "face";
  switch (action) {
    case A.APPROACH:
    case A.APPROACH_BROKEN: {
      // crawling: body along the floor, head in front
      pose = `<ellipse cx="0" cy="0.02" rx="0.19" ry="0.1" class="body"/>` +
        `<path d="M ${-0.12 * k} 0.08 L ${-0.16 * k} 0.17 M ${0.1 * k} 0.08 L ${0.14 * k} 0.17" class="limb"/>`;
      head = { x: 0.2 * k, y: -0.08 };
      if (action === A.APPROACH) {
        marks += `<path d="M ${-0.3 * k} -0.05 l ${-0.12 * k} 0 M ${-0.3 * k} 0.04 l ${-0.16 * k} 0" class="motion"/>`;
      } else {
        marks += `<path d="M ${0.34 * k} -0.22 q ${0.18 * k} 0.08 0 0.2 l ${-0.05 * k} -0.06 M 0 0.0 l 0 0" class="broken"/>` +
          `<text x="${0.02 * k}" y="-0.32" class="mark bang">!</text>`;
      }
      break;
    }
    case A.CONTACT_ACTIVE:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      marks += `<path d="M ${0.1 * k} -0.08 q ${0.28 * k} -0.02 ${0.22 * k} 0.22 M ${0.1 * k} 0.02 q ${0.3 * k} 0.02 ${0.2 * k} 0.22" class="hug"/>`;
      break;
    case A.CONTACT_PASSIVE:
      rot = 18 * k;
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([-0.1, -0.04, -0.13, 0.2], [0.1, -0.04, 0.13, 0.2]);
      break;
    case A.PUSH_AWAY:
      // pushing away: both arms stretched out toward her, angry marks
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([0.08 * k, -0.06, 0.36 * k, -0.12], [0.06 * k, 0.02, 0.36 * k, 0.04]);
      marks += `<path d="M ${0.42 * k} -0.2 l 0.05 0.06 l -0.05 0.06 l 0.05 0.06 l -0.05 0.06" class="anger"/>` +
        `<path d="M ${-0.2 * k} -0.42 l 0.06 0.05 l 0.04 -0.07 l 0.05 0.05" class="anger"/>`;
      face = "face angry";
      break;
    case A.KICK:
      // kicking: leaning back, one leg thrust out, motion strokes at the foot
      rot = -12 * k;
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>` +
        `<path d="M ${0.06 * k} 0.14 L ${0.34 * k} 0.06 M ${-0.06 * k} 0.14 L ${-0.1 * k} 0.26" class="limb"/>`;
      arms.push([-0.1 * k, -0.04, -0.24 * k, -0.12], [0.1 * k, -0.04, 0.2 * k, -0.16]);
      marks += `<path d="M ${0.4 * k} -0.02 l ${0.08 * k} -0.04 M ${0.42 * k} 0.08 l ${0.09 * k} 0 M ${0.4 * k} 0.16 l ${0.08 * k} 0.04" class="motion"/>`;
      if (opts.angry !== false) face = "face angry";
      break;
    case A.SQUIRM:
      // squirming, wriggling: the body twisted, zigzag strokes on both sides
      rot = -20 * k;
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([-0.1, -0.04, -0.26, -0.18], [0.1, -0.02, 0.26, 0.12]);
      marks += `<path d="M -0.34 -0.16 l -0.05 0.05 l 0.05 0.05 l -0.05 0.05 M 0.34 -0.16 l 0.05 0.05 l -0.05 0.05 l 0.05 0.05" class="motion"/>`;
      break;
    case A.THROW_TOY:
      // throwing a toy: one arm up and out, the toy flying off
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([0.08 * k, -0.06, 0.28 * k, -0.34], [-0.08 * k, -0.04, -0.16 * k, 0.12]);
      marks += `<rect x="${0.4 * k - 0.05}" y="-0.5" width="0.1" height="0.1" class="toy"/>` +
        `<path d="M ${0.3 * k} -0.38 q ${0.06 * k} -0.1 ${0.12 * k} -0.08" class="motion"/>`;
      break;
    case A.GO_LIMP:
      rot = 55 * k;
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body limp"/>`;
      arms.push([-0.1, 0.0, -0.14, 0.24], [0.1, 0.0, 0.12, 0.26]);
      marks += `<path d="M ${-0.34 * k} -0.3 q 0.04 -0.05 0.08 0 q 0.04 0.05 0.08 0 M ${-0.34 * k} -0.2 q 0.04 -0.05 0.08 0 q 0.04 0.05 0.08 0" class="limpmark"/>`;
      break;
    case A.TURN_AWAY:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([-0.1 * k, -0.04, -0.22 * k, 0.08], [0.08 * k, -0.04, -0.04 * k, 0.14]);
      marks += `<path d="M ${0.16 * k} -0.4 A 0.22 0.22 0 0 0 ${-0.24 * k} -0.36" class="turn"/>` +
        `<path d="M ${-0.24 * k} -0.36 l ${0.09 * k} -0.02 M ${-0.24 * k} -0.36 l ${0.03 * k} -0.09" class="turn"/>`;
      face = "back";
      break;
    case A.SEARCH:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([0.08 * k, -0.06, 0.3 * k, -0.3], [0.02 * k, -0.04, 0.26 * k, -0.2]);
      marks += `<text x="${-0.2 * k}" y="-0.42" class="mark q">?</text>`;
      break;
    case A.SIGNAL:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([-0.08, -0.06, -0.2, -0.38], [0.08, -0.06, 0.2, -0.38]);
      marks += `<path d="M ${0.2 * k} -0.24 q ${0.06 * k} 0.04 0 0.08 M ${0.27 * k} -0.28 q ${0.1 * k} 0.08 0 0.16" class="call"/>`;
      break;
    case A.DISTANCE_INTERACT:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([0.08 * k, -0.06, 0.26 * k, -0.28], [-0.08 * k, -0.04, -0.14 * k, 0.14]);
      marks += `<rect x="${0.26 * k - 0.06}" y="-0.38" width="0.12" height="0.12" class="toy"/>`;
      face = "face smile";
      break;
    case A.FREEZE:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body frozen"/>`;
      arms.push([-0.1, -0.06, -0.3, -0.06], [0.1, -0.06, 0.3, -0.06]);
      marks += `<path d="M -0.42 -0.34 l 0 0.22 M -0.36 -0.34 l 0 0.22 M 0.36 -0.34 l 0 0.22 M 0.42 -0.34 l 0 0.22" class="freeze"/>`;
      face = "face still";
      break;
    case A.ROCK:
      // rocking: the body tilted, arcs to and fro beside it (a stereotypy)
      rot = 14 * k;
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([-0.1, -0.04, 0.04, 0.14], [0.1, -0.04, -0.04, 0.14]);  // arms round the knees
      marks += `<path d="M -0.36 -0.3 q -0.08 0.14 0 0.28 M 0.36 -0.3 q 0.08 0.14 0 0.28" class="rock"/>` +
        `<path d="M -0.36 -0.3 l -0.04 0.06 M 0.36 0.0 l 0.05 -0.05" class="rock"/>`;
      face = "face dazed";
      break;
    case A.DAZED:
      // dazed, disoriented: slumped, arms hanging, a spiral over the head, blank eyes
      rot = -8 * k;
      pose = `<ellipse cx="0" cy="0.04" rx="0.12" ry="0.15" class="body"/>`;
      arms.push([-0.1, -0.02, -0.16, 0.2], [0.1, -0.02, 0.16, 0.2]);
      marks += `<path d="M 0 -0.46 m -0.08 0 a 0.08 0.05 0 1 1 0.16 0 a 0.06 0.035 0 1 1 -0.12 0 a 0.035 0.02 0 1 1 0.07 0" class="daze"/>`;
      face = "face dazed";
      break;
    case A.APPREHENSION:
      rot = -16 * k;
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([0.08 * k, -0.06, 0.24 * k, -0.26], [0.02 * k, -0.02, 0.2 * k, -0.16]);
      marks += `<text x="${-0.24 * k}" y="-0.4" class="mark bang">!</text>`;
      face = "face afraid";
      break;
    case A.EXPLORE:
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([0.08 * k, -0.04, 0.24 * k, 0.08], [-0.08 * k, -0.04, -0.2 * k, 0.1]);
      marks += `<rect x="${0.24 * k - 0.06}" y="0.04" width="0.12" height="0.12" class="toy"/>`;
      break;
    default: // IDLE
      pose = `<ellipse cx="0" cy="0.02" rx="0.12" ry="0.16" class="body"/>`;
      arms.push([-0.1, -0.04, -0.14, 0.14], [0.1, -0.04, 0.14, 0.14]);
  }
  if (opts.touch) {
    // in contact without holding on: a hand on her
    arms.push([0.06 * k, -0.02, 0.3 * k, -0.06]);
    marks += `<circle cx="${0.33 * k}" cy="-0.065" r="0.035" class="touchmark"/>`;
  }
  if (opts.ignore && face !== "back") face = "back";
  const limbs = arms.map(([x1, y1, x2, y2]) => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" class="limb"/>`).join("");
  let headSVG;
  const hx = head.x;
  const hy = head.y;
  if (face === "back") {
    headSVG = `<circle cx="${hx}" cy="${hy}" r="0.12" class="head"/><path d="M ${hx - 0.12} ${hy - 0.01} A 0.12 0.12 0 0 1 ${hx + 0.12} ${hy - 0.01} Z" class="hair"/><circle cx="${hx - 0.1 * k}" cy="${hy + 0.02}" r="0.02" class="eye"/>`;
  } else {
    const ex = hx + 0.04 * k;
    let eyes = `<circle cx="${ex - 0.045}" cy="${hy - 0.02}" r="0.018" class="eye"/><circle cx="${ex + 0.045}" cy="${hy - 0.02}" r="0.018" class="eye"/>`;
    if (face === "face dazed") {
      // blank, unfocused eyes: short level strokes
      eyes = `<path d="M ${ex - 0.065} ${hy - 0.02} l 0.04 0 M ${ex + 0.025} ${hy - 0.02} l 0.04 0" class="mouth"/>`;
    }
    if (face === "face afraid") {
      eyes = `<circle cx="${ex - 0.045}" cy="${hy - 0.02}" r="0.03" class="eyewide"/><circle cx="${ex + 0.045}" cy="${hy - 0.02}" r="0.03" class="eyewide"/>`;
    }
    let mouth = `<path d="M ${ex - 0.035} ${hy + 0.05} L ${ex + 0.035} ${hy + 0.05}" class="mouth"/>`;
    if (cry > 0) mouth = `<ellipse cx="${ex}" cy="${hy + 0.055}" rx="0.035" ry="${cry > 1 ? 0.035 : 0.022}" class="mouthopen"/>`;
    else if (face === "face smile") mouth = `<path d="M ${ex - 0.04} ${hy + 0.035} Q ${ex} ${hy + 0.08} ${ex + 0.04} ${hy + 0.035}" class="mouth"/>`;
    else if (face === "face angry") mouth = `<path d="M ${ex - 0.04} ${hy + 0.07} Q ${ex} ${hy + 0.03} ${ex + 0.04} ${hy + 0.07}" class="mouth"/>`;
    const brows = face === "face angry"
      ? `<path d="M ${ex - 0.08} ${hy - 0.08} l 0.06 0.03 M ${ex + 0.08} ${hy - 0.08} l -0.06 0.03" class="mouth"/>` : "";
    headSVG = `<circle cx="${hx}" cy="${hy}" r="0.12" class="head${face === "face angry" ? " flushed" : ""}"/>${eyes}${brows}${mouth}`;
  }
  let crySVG = "";
  if (cry > 0) {
    const tx = hx - 0.02 * k;
    crySVG += `<path d="M ${tx - 0.07} ${hy + 0.01} q -0.03 0.06 0 0.08 q 0.03 -0.02 0 -0.08" class="tear"/>`;
    const n = cry > 1 ? 3 : 1;
    for (let i = 0; i < n; i++) {
      const r = 0.18 + 0.07 * i;
      crySVG += `<path d="M ${hx + r * 0.7} ${hy - r * 0.7} A ${r} ${r} 0 0 1 ${hx + r * 0.7} ${hy + r * 0.7}" class="cryarc${cry > 1 ? " hard" : ""}"/>` +
        `<path d="M ${hx - r * 0.7} ${hy - r * 0.7} A ${r} ${r} 0 0 0 ${hx - r * 0.7} ${hy + r * 0.7}" class="cryarc${cry > 1 ? " hard" : ""}"/>`;
    }
  }
  // held: the adult's arm around the infant, drawn over its body
  const hold = opts.held
    ? `<path d="M ${-0.24 * k} -0.06 Q 0 0.2 ${0.22 * k} -0.02" class="holdarm" stroke="${opts.held}"/>` : "";
  return `<g transform="rotate(${rot})">${pose}${limbs}${headSVG}${hold}</g>${marks}${crySVG}`;
}

// --- the player ------------------------------------------------------------------------------

class Room {
  constructor(player, d, index, host) {
    this.player = player;
    this.d = d;
    this.index = index;
    this.n = d.n;
    this.box = el("div", { class: "room", "data-dyad": index, "data-n": d.n }, host);
    // per second, the kinds of behaviour the coder scored there (from its moments)
    this.scored = {};
    for (const [kind, bouts] of Object.entries(d.moments || {})) {
      const mask = new Uint8Array(d.n);
      for (const [start, len] of bouts) mask.fill(1, start, Math.min(d.n, start + len));
      this.scored[kind] = mask;
    }
    this.side = el("div", { class: "side" });
    const head = el("div", { class: "roomhead" }, this.side);
    if (d.title) el("div", { class: "roomtitle" }, head, d.title);
    if (d.label) {
      const b = el("span", { class: "badge", style: `background:${d.colour}` }, head, d.label);
      b.title = d.label;
    }
    const R = player.data.room;
    this.R = R;
    const vbW = R.width + ROOM_MARGIN.left + ROOM_MARGIN.right;
    const vbH = R.height + ROOM_MARGIN.top + ROOM_MARGIN.bottom;
    this.vbW = vbW;
    this.vbH = vbH;
    this.svg = el("svg:svg", {
      viewBox: `${-ROOM_MARGIN.left} ${-ROOM_MARGIN.top} ${vbW} ${vbH}`,
      class: "roomsvg", role: "img", "aria-label": `The observation room${d.title ? ": " + d.title : ""}`,
    }, this.box);
    this.box.appendChild(this.side);
    this.scaleGroup = el("svg:g", {}, this.svg);
    roomBackground(this.scaleGroup, R, player.data.words.room);
    // the chairs' labels, shown only while a chair stands empty (the toys and the adults
    // speak for themselves): [who, x, y, characters]
    const rw = player.data.words.room;
    this.chairLabels = [
      ["caregiver", R.caregiver_chair[0], R.height - R.caregiver_chair[1] + 0.5, rw.caregiver_chair],
      ["stranger", R.stranger_chair[0], R.height - R.stranger_chair[1] + 0.5, rw.stranger_chair]];
    this.trail = el("svg:polyline", { class: "trail" }, this.scaleGroup);
    this.gaze = el("svg:g", { class: "gaze" }, this.scaleGroup);
    this.adults = el("svg:g", {}, this.scaleGroup);
    this.infant = el("svg:g", { class: "infant" }, this.scaleGroup);
    this.notes = el("svg:g", {}, this.scaleGroup);
    this.status = el("div", { class: "status" }, this.side);
    this.when = el("div", { class: "when" }, this.status);
    this.doing = el("div", { class: "doing" }, this.status);
  }

  fontUnits() {
    // the drawing keeps its proportions inside the element's box: its scale is the smaller one
    const box = this.svg.getBoundingClientRect();
    const perUnit = Math.min(box.width / this.vbW, box.height / this.vbH) || 400 / this.vbW;
    return this.player.basePx() / perUnit;
  }

  col(name, s) {
    return this.d.cols[name][s];
  }

  // the infant's pose as the coder sees it at second s: held, touching an adult (contact
  // without holding on), ignoring her (avoidance the coder scored while it plays or sits)
  pose(s) {
    const C = this.player.data.codes;
    const A = C.action;
    const action = this.col("action", s);
    const held = this.col("held", s);
    const contactActs = [A.CONTACT_ACTIVE, A.CONTACT_PASSIVE, A.SQUIRM, A.GO_LIMP];
    let touch = null;
    if (held === C.held.NONE && !contactActs.includes(action)) {
      if (this.col("zc", s) === C.zone.CONTACT) touch = "caregiver";
      else if (this.col("zs", s) === C.zone.CONTACT) touch = "stranger";
    }
    const avoided = this.scored.avoidance ? this.scored.avoidance[s] === 1 : false;
    const ignore = avoided && action !== A.TURN_AWAY && held === C.held.NONE && touch === null;
    const heldBy = held === C.held.CAREGIVER ? "caregiver" : (held === C.held.STRANGER ? "stranger" : null);
    // approaching her with head and gaze averted (Main & Solomon's simultaneous contradiction)
    const averted = action === A.APPROACH && this.col("target", s) === C.target.CAREGIVER &&
      this.col("gaze", s) === C.gaze.AWAY && touch === null;
    return { action, held: heldBy, touch, ignore, averted };
  }

  // the infant's label in the room, in a few words
  shortLabel(p) {
    const W = this.player.data.words;
    const A = this.player.data.codes.action;
    if (p.touch) return p.action === A.APPROACH ? W.arrive_short : `${W.action_short[p.action]}, ${W.touch_short}`;
    if (p.held) return `${W.held_short}, ${W.action_short[p.action]}`;
    if (p.ignore) return W.ignore_short;
    if (p.averted) return W.averted_short;
    return W.action_short[p.action];
  }

  pos(prefix, s, frac) {
    const c = this.d.cols;
    const x0 = c[prefix + "x"][s] / 100;
    const y0 = c[prefix + "y"][s] / 100;
    if (frac > 0 && s + 1 < this.n) {
      const x1 = c[prefix + "x"][s + 1] / 100;
      const y1 = c[prefix + "y"][s + 1] / 100;
      return [x0 + (x1 - x0) * frac, y0 + (y1 - y0) * frac];
    }
    return [x0, y0];
  }

  draw(e, t, frac) {
    const P = this.player;
    const W = P.data.words;
    const C = P.data.codes;
    const { s, over, length } = dyadSecond(this.d, e, t);
    if (s === null) return;
    const H = this.R.height;
    const fu = this.fontUnits();
    this.scaleGroup.setAttribute("style", `font-size:${fu.toFixed(4)}px`);
    const f = over ? 0 : frac;
    const action = this.col("action", s);
    const target = this.col("target", s);
    const cry = this.col("cry", s);
    const gaze = this.col("gaze", s);
    const held = this.col("held", s);
    const cgHere = this.col("zc", s) !== C.zone.ABSENT;
    const stHere = this.col("zs", s) !== C.zone.ABSENT;
    const [ix0, iy0] = this.pos("", s, f);
    const [cx, cy] = this.pos("c", s, f);
    const [sx, sy] = this.pos("s", s, f);
    // labels are placed after the figures, where they do not cover a figure or each other
    const labels = new Labels(fu, -ROOM_MARGIN.left, -ROOM_MARGIN.top, this.R.width + ROOM_MARGIN.right, H + ROOM_MARGIN.bottom);
    const showLabels = P.data.labels;
    for (const [who, x, y, text] of this.chairLabels) {
      if (!(who === "caregiver" ? cgHere : stHere)) labels.fixed(text, x, y, "furniture");
    }
    // adults
    let adults = "";
    const adultList = [];
    // the two adults' large figures side by side where they would cover each other
    let [cdx, sdx] = [0, 0];
    const apart = 0.5 * ADULT_SCALE;
    if (cgHere && stHere && Math.abs(cx - sx) < apart && Math.abs(cy - sy) < 0.85 * ADULT_SCALE) {
      const push = (apart - Math.abs(cx - sx)) / 2;
      [cdx, sdx] = cx <= sx ? [-push, push] : [push, -push];
    }
    for (const [here, x, y, who, colour, act] of [
      [cgHere, cx + cdx, cy, "caregiver", P.data.colours.caregiver, this.col("ca", s)],
      [stHere, sx + sdx, sy, "stranger", P.data.colours.stranger, this.col("sa", s)]]) {
      if (!here) continue;
      // the large figures stay inside the walls (an adult at the door is drawn just inside it)
      const X = inside(x, 0.2 * ADULT_SCALE, this.R.width - 0.22 * ADULT_SCALE);
      const Y = inside(H - y, 0.4 * ADULT_SCALE, H - 0.34 * ADULT_SCALE);
      adults += `<g transform="translate(${X.toFixed(3)} ${Y.toFixed(3)}) scale(${ADULT_SCALE})">${adultSVG(who, colour, act, C.adult)}</g>`;
      labels.block(X - 0.24 * ADULT_SCALE, Y - 0.46 * ADULT_SCALE, X + 0.26 * ADULT_SCALE, Y + 0.4 * ADULT_SCALE);
      adultList.push({ X, Y, who, colour, act });
    }
    this.adults.innerHTML = adults;
    // the infant: in the adult's arms when held, at her side when it touches her; the figures
    // are large, so it is drawn beside her, toward the middle of the room
    const pose = this.pose(s);
    let ix = ix0;
    let iy = iy0;
    const W2 = this.R.width / 2;
    let tx = null;
    const beside = (who, reach) => {
      // beside the adult as drawn, on the side of the middle of the room
      const a = adultList.find((x) => x.who === who);
      if (!a) return;
      const side = a.X > W2 ? -1 : 1;
      [ix, iy] = [a.X + side * reach, H - a.Y + 0.05];
      tx = a.X;
    };
    if (pose.held) beside(pose.held, 0.5);
    else if (pose.touch) beside(pose.touch, 0.75);
    ix = inside(ix, 0.2 * INFANT_SCALE, this.R.width - 0.2 * INFANT_SCALE);
    iy = inside(iy, 0.14 * INFANT_SCALE, H - 0.3 * INFANT_SCALE);
    if (tx !== null) { /* faces the adult it is with */ }
    else if (target === C.target.CAREGIVER && cgHere) tx = cx;
    else if (target === C.target.STRANGER && stHere) tx = sx;
    else if (target === C.target.DOOR) tx = this.R.door[0];
    else if (target === C.target.TOYS) tx = this.R.toys[0];
    const dir = tx === null ? 1 : (tx >= ix ? 1 : -1);
    const IX = ix;
    const IY = H - iy;
    const heldColour = pose.held ? P.data.colours[pose.held] : null;
    this.infant.innerHTML = `<g transform="translate(${IX.toFixed(3)} ${IY.toFixed(3)}) scale(${INFANT_SCALE})">${infantSVG(action, cry, dir, C.action, { held: heldColour, touch: pose.touch !== null, ignore: pose.ignore, angry: target !== C.target.TOYS })}</g>`;
    const INF = [0.26 * INFANT_SCALE, 0.36 * INFANT_SCALE, 0.26 * INFANT_SCALE, 0.2 * INFANT_SCALE];
    labels.block(IX - INF[0], IY - INF[1], IX + INF[2], IY + INF[3]);
    // gaze: a dotted line from the infant's head toward what it looks at
    let gx = null;
    let gy = null;
    if (gaze === C.gaze.CAREGIVER && cgHere) [gx, gy] = [cx, cy + 0.3];
    else if (gaze === C.gaze.STRANGER && stHere) [gx, gy] = [sx, sy + 0.3];
    else if (gaze === C.gaze.DOOR) [gx, gy] = this.R.door;
    else if (gaze === C.gaze.TOYS) [gx, gy] = this.R.toys;
    const hx = ix;
    const hy = iy + 0.2 * INFANT_SCALE;
    let g = "";
    let gazeAt = null;
    if (gx !== null) {
      const d = Math.hypot(gx - hx, gy - hy);
      if (d > 0.8) {
        const reach = Math.min(1.4, d - 0.3) / d;
        const ex = hx + (gx - hx) * reach;
        const ey = hy + (gy - hy) * reach;
        g += `<line x1="${hx.toFixed(3)}" y1="${(H - hy).toFixed(3)}" x2="${ex.toFixed(3)}" y2="${(H - ey).toFixed(3)}" class="gazeline"/>` +
          `<circle cx="${ex.toFixed(3)}" cy="${(H - ey).toFixed(3)}" r="0.04" class="gazeend"/>`;
        gazeAt = [ex, H - ey];
      }
    } else if (gaze === C.gaze.AWAY) {
      gazeAt = [hx, H - hy];
    }
    this.gaze.innerHTML = g;
    // labels, most important first: who is who, what the infant does, its crying, what the
    // adults do, where it looks
    const ADULT = [0.24 * ADULT_SCALE, 0.46 * ADULT_SCALE, 0.26 * ADULT_SCALE, 0.4 * ADULT_SCALE];
    for (const a of adultList) {
      labels.place(W.who[a.who], a.X, a.Y, ADULT, ["above", "left", "right", "below"], "who", `fill="${a.colour}"`);
    }
    if (showLabels) {
      labels.place(this.shortLabel(pose), IX, IY, INF, ["below", "above", "right", "left"], "infantlbl");
      if (cry > 0) labels.place(W.cry[cry], IX, IY, INF, ["above", "right", "left", "below"], `crylbl${cry > 1 ? " hard" : ""}`);
      for (const a of adultList) {
        if (W.adult[a.act]) labels.place(W.adult[a.act], a.X, a.Y, ADULT, ["below", "right", "left"], "act");
      }
      if (gazeAt) labels.place(W.gaze_short[gaze], gazeAt[0], gazeAt[1], [0.05, 0.05, 0.05, 0.05], ["above", "below", "right", "left"], "gazelbl");
    }
    // notes: who is out of the room, episode over
    const away = [];
    if (!cgHere) away.push(W.who.caregiver);
    if (!stHere) away.push(W.who.stranger);
    let notes = labels.svg();
    if (away.length) notes += `<text x="0.12" y="0.06" class="lbl note" text-anchor="start">${esc(away.join(" and ") + " " + W.out_of_room)}</text>`;
    if (over) notes += `<text x="${this.R.width - 0.1}" y="${H - 0.1}" class="lbl note over" text-anchor="end" dominant-baseline="auto">${esc(W.episode_over.replace("{t}", clock(length)))}</text>`;
    this.notes.innerHTML = notes;
    // the path of the last seconds
    const lo = Math.max(0, s - TRAIL);
    const pts = [];
    for (let i = lo; i <= s; i++) pts.push(`${(this.col("x", i) / 100).toFixed(2)},${(H - this.col("y", i) / 100).toFixed(2)}`);
    this.trail.setAttribute("points", pts.join(" "));
    // the words beside the room
    const epName = P.data.episode_names[e - 1];
    this.when.textContent = `${W.episode} ${e} · ${epName} · ${clock(Math.min(t, (length || 1) - 1))}`;
    this.doing.textContent = showLabels ? P.describe(this, s, pose) : "";
    this.box.dataset.second = String(s);
    this.box.dataset.episode = String(e);
    this.box.dataset.t = String(Math.min(t, (length || 1) - 1));
    this.box.dataset.action = P.data.codes.action_names[action];
    this.box.dataset.held = pose.held || "";
    this.box.dataset.touch = pose.touch || "";
    this.box.dataset.ignore = pose.ignore ? "1" : "0";
    this.box.dataset.label = showLabels ? this.shortLabel(pose) : "";
    this.box.dataset.cry = String(cry);
    this.box.dataset.over = over ? "1" : "0";
  }
}

// Labels in the room: each tries a few positions around its anchor and takes the first that
// covers no figure and no other label, inside the drawing; a label with no free place is left
// out (the words beside the room still say everything).
class Labels {
  constructor(fu, x0, y0, x1, y1) {
    this.fu = fu;
    this.bounds = [x0, y0, x1, y1];
    this.boxes = [];
    this.out = [];
  }
  block(a, b, c, d) {
    this.boxes.push([a, b, c, d]);
  }
  free(box) {
    const [a, b, c, d] = box;
    const [x0, y0, x1, y1] = this.bounds;
    if (a < x0 || b < y0 || c > x1 || d > y1) return false;
    return !this.boxes.some(([p, q, r, t]) => a < r && c > p && b < t && d > q);
  }
  place(text, x, y, ext, sides, cls, attrs = "") {
    // ext: how far the figure reaches [left, up, right, down] from (x, y); the label goes on
    // the first free side
    const scale = cls.startsWith("crylbl hard") ? 1.1 : (cls === "act" || cls === "gazelbl" ? 0.9 : 1);
    const w = text.length * 0.58 * this.fu * scale;
    const h = 1.05 * this.fu * scale;
    const gap = 0.04;
    for (const side of sides) {
      let cx = x;
      let base = y;
      if (side === "below") base = y + ext[3] + gap + 0.8 * h;
      else if (side === "above") base = y - ext[1] - gap - 0.25 * h;
      else if (side === "right") { cx = x + ext[2] + gap + w / 2; base = y + 0.3 * h; }
      else { cx = x - ext[0] - gap - w / 2; base = y + 0.3 * h; }
      const box = [cx - w / 2, base - h * 0.8, cx + w / 2, base + h * 0.25];
      if (this.free(box)) {
        this.boxes.push(box);
        this.out.push(`<text x="${cx.toFixed(3)}" y="${base.toFixed(3)}" class="lbl ${cls}" ${attrs}>${esc(text)}</text>`);
        return true;
      }
    }
    return false;
  }
  fixed(text, x, y, cls) {
    // a label that must be shown: moved sideways to stay inside the drawing
    const w = text.length * 0.58 * this.fu * 0.9;
    const [x0, , x1] = this.bounds;
    const cx = Math.max(x0 + w / 2, Math.min(x1 - w / 2, x));
    this.boxes.push([cx - w / 2, y - this.fu * 0.8, cx + w / 2, y + this.fu * 0.2]);
    this.out.push(`<text x="${cx.toFixed(3)}" y="${y.toFixed(3)}" class="lbl ${cls}">${esc(text)}</text>`);
  }
  svg() {
    return this.out.join("");
  }
}

class Timeline {
  // the whole procedure, one block of rows per dyad, on the master clock; click to seek
  constructor(player, host) {
    this.player = player;
    this.box = el("div", { class: "timeline" }, host);
    this.svg = el("svg:svg", { class: "tlsvg", role: "img", "aria-label": player.data.words.timeline }, this.box);
    this.width = 0;
  }

  build() {
    const P = this.player;
    const W = P.data.words;
    const px = P.basePx();
    const width = Math.max(300, this.box.getBoundingClientRect().width || 600);
    this.width = width;
    const rows = P.data.rows;
    // rows a little taller for one dyad on a screen; on a projector all rows are compact
    const rowH = Math.round(px * (P.data.dyads.length > 1 || P.data.present ? 1.05 : 1.25));
    const labelW = Math.round(px * 9.2);
    const topH = Math.round(px * 1.6);
    const blockGap = Math.round(px * (P.data.dyads.length > 1 ? 1.5 : 0.3));
    const plotW = width - labelW - 8;
    this.labelW = labelW;
    this.plotW = plotW;
    const total = P.clock.total;
    const X = (m) => labelW + (m / total) * plotW;
    let svg = "";
    // episode bands and numbers on top
    const blocks = P.data.dyads.length;
    const height = topH + blocks * (rows.length * rowH + blockGap) + Math.round(px * 1.6);
    for (const ep of P.clock.episodes) {
      const x0 = X(ep.start);
      const x1 = X(ep.start + ep.length);
      const reunion = P.data.reunions.includes(ep.e);
      if (reunion) svg += `<rect x="${x0}" y="${topH - 2}" width="${x1 - x0}" height="${height - topH - px * 1.4}" class="reunionband"/>`;
      svg += `<line x1="${x0}" y1="${topH - 2}" x2="${x0}" y2="${height - px * 1.4}" class="epline"/>`;
      const name = `${ep.e} ${P.data.episode_short[ep.e - 1]}`;
      const fits = name.length * px * 0.56 < (x1 - x0) - 4;
      svg += `<text x="${(x0 + x1) / 2}" y="${topH - px * 0.45}" class="tltext tlep" data-episode="${ep.e}">${esc(fits ? name : String(ep.e))}</text>`;
    }
    let y = topH;
    P.data.dyads.forEach((d, di) => {
      if (blocks > 1) {
        svg += `<text x="2" y="${y + px * 0.95}" class="tltext tltitle">${esc(d.title)}</text>`;
        y += Math.round(px * 1.25);
      }
      for (const row of rows) {
        const mid = y + rowH / 2;
        svg += `<text x="${labelW - 6}" y="${mid + px * 0.33}" class="tltext tlrow">${esc(row.label)}</text>`;
        const runs = P.runs(d, row);
        for (const [start, len, cls, title] of runs) {
          // a dyad's second s in episode e at t lies at master (episode start + t)
          const x = X(start);
          const w = Math.max(1, X(start + len) - x);
          svg += `<rect x="${x.toFixed(1)}" y="${(y + 2).toFixed(1)}" width="${w.toFixed(1)}" height="${rowH - 4}" class="run ${cls}"><title>${esc(title)}</title></rect>`;
        }
        y += rowH;
      }
      y += blockGap - (blocks > 1 ? Math.round(px * 1.25) : 0);
    });
    svg += `<text x="${labelW}" y="${height - px * 0.3}" class="tltext tlaxis" text-anchor="start">${esc(W.timeline_axis)}</text>`;
    svg += `<line x1="0" y1="${topH - 4}" x2="0" y2="${height - px * 1.4}" class="cursor"/>`;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.setAttribute("width", width);
    this.svg.setAttribute("height", height);
    this.svg.innerHTML = svg;
    this.cursor = this.svg.querySelector(".cursor");
    this.X = X;
    this.svg.onclick = (ev) => this.seek(ev);
  }

  seek(ev) {
    const r = this.svg.getBoundingClientRect();
    const x = ev.clientX - r.left;
    if (x < this.labelW) return;
    const m = Math.round(((x - this.labelW) / this.plotW) * this.player.clock.total);
    this.player.go(m);
  }

  move(m) {
    if (!this.cursor) return;
    const x = this.X(m + 0.5).toFixed(1);
    this.cursor.setAttribute("x1", x);
    this.cursor.setAttribute("x2", x);
  }
}

class Player {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.clock = new Clock(data.dyads);
    this.path = window.location.pathname;
    this.m = 0;
    this.frac = 0;
    this.speed = data.speed || 10;
    this.playing = false;
    this.raf = null;
    this.last = null;
    const W = data.words;
    root.innerHTML = "";
    root.classList.toggle("multi", data.dyads.length > 1);
    root.classList.toggle("present", !!data.present);
    // the stage: rooms, and beside a single room, the legend
    this.stage = el("div", { class: "stage" }, root);
    this.roomsBox = el("div", { class: "rooms" }, this.stage);
    this.rooms = data.dyads.map((d, i) => new Room(this, d, i, this.roomsBox));
    // controls
    const bar = el("div", { class: "controls", role: "toolbar", "aria-label": W.controls }, root);
    this.prevEp = this.button(bar, "◀◀", W.prev_episode, () => this.stepEpisode(-1));
    this.back = this.button(bar, "◀ 1 s", W.back, () => this.step(-1));
    this.playBtn = this.button(bar, "▶ " + W.play, W.play_help, () => this.toggle(), "play");
    this.fwd = this.button(bar, "1 s ▶", W.forward, () => this.step(1));
    this.nextEp = this.button(bar, "▶▶", W.next_episode, () => this.stepEpisode(1));
    const sp = el("label", { class: "speed" }, bar);
    el("span", {}, sp, W.speed + " ");
    this.speedSel = el("select", { "aria-label": W.speed }, sp);
    for (const v of data.speeds) {
      const o = el("option", { value: v }, this.speedSel, `${v}×`);
      if (v === this.speed) o.selected = true;
    }
    this.speedSel.onchange = () => this.setSpeed(Number(this.speedSel.value));
    this.readout = el("span", { class: "readout", "aria-live": "off" }, bar);
    // compact: beside a single room the controls sit under its title and badge; above
    // several rooms, before them (so that Play is on the screen with the rooms)
    if (this.rooms.length === 1) this.rooms[0].side.insertBefore(bar, this.rooms[0].status);
    else root.insertBefore(bar, this.stage);
    this.scrub = el("input", { type: "range", min: 0, max: this.clock.total - 1, step: 1, value: 0, class: "scrub", "aria-label": W.scrub }, root);
    this.scrub.oninput = () => this.go(Number(this.scrub.value));
    // jump to an episode, and to what the coder scored
    const jumps = el("div", { class: "jumps" }, root);
    el("span", { class: "jlabel" }, jumps, W.jump_episode);
    this.epButtons = [];
    for (const ep of this.clock.episodes) {
      const b = this.button(jumps, String(ep.e), `${W.episode} ${ep.e}: ${data.episode_names[ep.e - 1]}`, () => this.go(ep.start), "ep");
      b.dataset.episode = String(ep.e);
      this.epButtons.push(b);
    }
    const scored = el("div", { class: "jumps scored" }, root);
    if (!data.scored) scored.hidden = true;
    el("span", { class: "jlabel" }, scored, W.jump_scored);
    this.momentButtons = {};
    for (const [kind, text] of Object.entries(data.moment_kinds)) {
      const count = data.dyads.reduce((n, d) => n + (d.moments[kind] || []).length, 0);
      const b = this.button(scored, `${W.moment_short[kind]} (${count})`, `${W.next} ${text}`, () => this.jump(kind), "moment " + kind);
      b.dataset.kind = kind;
      b.disabled = count === 0;
      this.momentButtons[kind] = b;
    }
    this.jumpNote = el("div", { class: "jumpnote", "aria-live": "polite" }, root);
    // the whole procedure
    this.timeline = new Timeline(this, root);
    // legend
    this.legend = el("details", { class: "legend" }, root);
    this.legend.open = !data.present;
    el("summary", {}, this.legend, W.legend);
    this.buildLegend(el("div", { class: "legendgrid" }, this.legend));
    root.tabIndex = 0;
    root.onkeydown = (ev) => this.key(ev);
  }

  basePx() {
    const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return rootPx * (this.data.dyads.length > 1 ? 0.8 : 0.8);
  }

  button(parent, text, title, onclick, cls = "") {
    const b = el("button", { type: "button", class: cls, title, "aria-label": title }, parent, text);
    b.onclick = onclick;
    return b;
  }

  buildLegend(grid) {
    const D = this.data;
    const A = D.codes.action;
    const item = (svgInner, text, vb = "-0.5 -0.6 1 1") => {
      const it = el("div", { class: "litem" }, grid);
      const s = el("svg:svg", { viewBox: vb, class: "lsvg" }, it);
      s.innerHTML = svgInner;
      el("span", {}, it, text);
    };
    for (const name of D.legend_actions) {
      item(infantSVG(A[name], 0, 1, A), D.words.action_short[A[name]]);
    }
    item(infantSVG(A.CONTACT_ACTIVE, 0, 1, A, { held: D.colours.caregiver }), `${D.words.held_short}, ${D.words.action_short[A.CONTACT_ACTIVE]}`);
    item(infantSVG(A.EXPLORE, 0, 1, A, { touch: true }), D.words.touch_short);
    if (D.scored) item(infantSVG(A.EXPLORE, 0, 1, A, { ignore: true }), D.words.ignore_short);
    item(infantSVG(A.IDLE, 1, 1, A), D.words.cry[1]);
    item(infantSVG(A.IDLE, 2, 1, A), D.words.cry[2]);
    item(`<line x1="-0.45" y1="0" x2="0.4" y2="0" class="gazeline"/><circle cx="0.4" cy="0" r="0.05" class="gazeend"/>`, D.words.gaze_legend, "-0.5 -0.3 1 0.6");
    item(`<polyline points="-0.45,0.1 -0.1,-0.05 0.2,0.08 0.45,-0.1" class="trail"/>`, D.words.trail_legend.replace("{n}", TRAIL), "-0.5 -0.3 1 0.6");
    item(`<g transform="translate(0 0.1)">${adultSVG("c", D.colours.caregiver, D.codes.adult.ABSENT, D.codes.adult)}</g>`, D.words.who.caregiver, "-0.5 -0.6 1 1");
    item(`<g transform="translate(0 0.1)">${adultSVG("s", D.colours.stranger, D.codes.adult.ABSENT, D.codes.adult)}</g>`, D.words.who.stranger, "-0.5 -0.6 1 1");
    item(`<rect x="-0.3" y="-0.3" width="0.6" height="0.6" rx="0.08" class="chair"/>`, D.words.chairs, "-0.5 -0.5 1 1");
    item(`<rect x="-0.45" y="-0.4" width="0.9" height="0.8" rx="0.08" class="rug"/><rect x="-0.3" y="-0.25" width="0.18" height="0.18" fill="#A6761D"/><rect x="0.1" y="0.05" width="0.18" height="0.18" fill="#7F7F7F"/>`, D.words.room.toys, "-0.5 -0.5 1 1");
  }

  runs(d, row) {
    // [master start, length, css class, title] for one timeline row of dyad d
    const out = [];
    const add = (s0, len, cls, title) => {
      // split at this dyad's episode bounds and place on the master clock
      let s = s0;
      const end = s0 + len;
      while (s < end) {
        const ep = d.episodes.find((x) => s >= x[1] && s < x[1] + x[2]);
        if (!ep) break;
        const stop = Math.min(end, ep[1] + ep[2]);
        const m = this.clock.master(ep[0], s - ep[1]);
        out.push([m, stop - s, cls, title]);
        s = stop;
      }
    };
    if (row.moment) {
      for (const [start, len] of d.moments[row.moment] || []) add(start, len, row.cls, `${row.label}: ${len} s`);
      return out;
    }
    const col = d.cols[row.col];
    let i = 0;
    while (i < d.n) {
      const v = col[i];
      const cls = row.values[String(v)];
      if (cls === undefined) { i++; continue; }
      let j = i + 1;
      while (j < d.n && col[j] === v) j++;
      add(i, j - i, cls, `${row.label}: ${j - i} s`);
      i = j;
    }
    return out;
  }

  describe(room, s, pose) {
    const W = this.data.words;
    const c = room.d.cols;
    const a = c.action[s];
    const t = c.target[s];
    // a kick or a toy thrown in play (aimed at the toys) has its own words
    let text = (t === this.data.codes.target.TOYS && W.play_acts[a]) ? W.play_acts[a] :
      W.action[a].replace("{t}", W.target[t] || W.someone);
    if (pose.touch) text = a === this.data.codes.action.APPROACH ? W.arrive[pose.touch] : `${text}, ${W.touch[pose.touch]}`;
    else if (pose.ignore) text = `${text}, ${W.ignore}`;
    const parts = pose.held ? [W.held[pose.held], text] : [text];
    if (c.cry[s] > 0) parts.push(W.cry[c.cry[s]]);
    if (!(a === this.data.codes.action.EXPLORE && c.gaze[s] === this.data.codes.gaze.TOYS)) parts.push(W.gaze[c.gaze[s]]);
    return W.infant + " " + parts.join(", ");
  }

  // --- the clock -------------------------------------------------------------------------
  render() {
    const { e, t } = this.clock.locate(this.m);
    for (const r of this.rooms) r.draw(e, t, this.frac);
    this.timeline.move(this.m);
    this.scrub.value = String(this.m);
    const ep = this.clock.episode(e);
    this.readout.textContent = `${this.data.words.episode} ${e} · ${clock(t)} / ${clock(ep.length)} · ${this.data.words.overall} ${clock(this.m)} / ${clock(this.clock.total)}`;
    for (const b of this.epButtons) b.classList.toggle("on", Number(b.dataset.episode) === e);
    this.root.dataset.master = String(this.m);
    this.root.dataset.episode = String(e);
    this.root.dataset.t = String(t);
    this.root.dataset.playing = this.playing ? "1" : "0";
    this.root.dataset.speed = String(this.speed);
    this.root.__ssp = { m: this.m, speed: this.speed, startKey: this.data.start_key };
    if (!this.playing) this.writeLink();
  }

  // the paused position in the page's address (``episode``, ``t``), in the browser only: the
  // link reopens this second; no message goes to the server
  writeLink() {
    // only on this page (not on the next one while this one goes away)
    if (!this.data.link || !this.root.isConnected || window.location.pathname !== this.path) return;
    const { e, t } = this.clock.locate(this.m);
    const url = new URL(window.location.href);
    if (url.searchParams.get("episode") === String(e) && url.searchParams.get("t") === String(t)) return;
    url.searchParams.set("episode", String(e));
    url.searchParams.set("t", String(t));
    window.history.replaceState(window.history.state, "", url.toString());
  }

  go(m) {
    this.m = Math.max(0, Math.min(this.clock.total - 1, Math.round(m)));
    this.frac = 0;
    this.render();
  }

  step(delta) {
    this.pause();
    this.jumpNote.textContent = "";
    this.go(this.m + delta);
  }

  stepEpisode(delta) {
    this.pause();
    const { e } = this.clock.locate(this.m);
    const i = this.clock.episodes.findIndex((x) => x.e === e);
    const cur = this.clock.episodes[i];
    let target;
    if (delta < 0 && this.m > cur.start) target = cur;
    else target = this.clock.episodes[Math.max(0, Math.min(this.clock.episodes.length - 1, i + delta))];
    this.go(target.start);
  }

  setSpeed(v) {
    this.speed = v;
    this.render();
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  play() {
    if (this.m >= this.clock.total - 1) this.go(0);
    this.playing = true;
    this.playBtn.textContent = "❚❚ " + this.data.words.pause;
    this.playBtn.classList.add("on");
    this.last = null;
    const tick = (now) => {
      if (!this.playing) return;
      if (this.last !== null) {
        this.frac += ((now - this.last) / 1000) * this.speed;
        if (this.frac >= 1) {
          const whole = Math.floor(this.frac);
          this.frac -= whole;
          this.m = Math.min(this.clock.total - 1, this.m + whole);
          if (this.m >= this.clock.total - 1) {
            this.frac = 0;
            this.render();
            this.pause();
            return;
          }
        }
      }
      this.last = now;
      this.render();
      this.raf = requestAnimationFrame(tick);
    };
    this.render();
    this.raf = requestAnimationFrame(tick);
  }

  pause() {
    this.playing = false;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = null;
    this.frac = 0;
    this.playBtn.textContent = "▶ " + this.data.words.play;
    this.playBtn.classList.remove("on");
    this.render();
  }

  jump(kind) {
    // the next bout of ``kind`` after the clock (any dyad), wrapping to the first
    this.pause();
    const found = [];
    this.data.dyads.forEach((d, di) => {
      for (const [start, len, ep] of d.moments[kind] || []) {
        const e = d.episodes.find((x) => x[0] === ep);
        found.push({ m: this.clock.master(ep, start - e[1]), di, start, len, ep, t: start - e[1] });
      }
    });
    if (!found.length) return;
    found.sort((a, b) => a.m - b.m || a.di - b.di);
    const cur = this.m;
    const lastDyad = this.root.dataset.momentDyad === undefined ? -1 : Number(this.root.dataset.momentDyad);
    let next = found.find((f) => f.m > cur || (f.m === cur && f.di > lastDyad && this.root.dataset.momentKind === kind));
    if (!next) next = found[0];
    this.go(next.m);
    this.root.dataset.momentKind = kind;
    this.root.dataset.momentDyad = String(next.di);
    this.root.dataset.momentSecond = String(next.start);
    const d = this.data.dyads[next.di];
    const who = this.data.dyads.length > 1 ? `${d.title}: ` : "";
    const i = found.indexOf(next) + 1;
    this.jumpNote.textContent = `${who}${this.data.moment_kinds[kind]}, ${next.len} s from ${clock(next.t)} into ${this.data.words.episode.toLowerCase()} ${next.ep} (${i} ${this.data.words.of} ${found.length})`;
    this.rooms.forEach((r, k) => r.box.classList.toggle("flash", k === next.di));
  }

  key(ev) {
    if (ev.target && ev.target.tagName === "SELECT") return;
    if (ev.key === " ") { this.toggle(); ev.preventDefault(); }
    else if (ev.key === "ArrowRight") { this.step(1); ev.preventDefault(); }
    else if (ev.key === "ArrowLeft") { this.step(-1); ev.preventDefault(); }
  }

  layout() {
    this.timeline.build();
    this.render();
  }
}

export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".ssp-player");
  if (!root || !data) return undefined;
  const before = root.__ssp;
  const player = new Player(root, data);
  if (before && before.startKey === data.start_key) {
    player.speed = before.speed;
    player.speedSel.value = String(before.speed);
    player.m = Math.min(before.m, player.clock.total - 1);
  } else {
    player.m = player.clock.master(data.start.episode, data.start.t);
  }
  player.layout();
  let width = root.getBoundingClientRect().width;
  const keepLink = window.setInterval(() => {
    if (!player.playing && root.isConnected) player.writeLink();
  }, 500);
  const observer = new ResizeObserver(() => {
    const w = root.getBoundingClientRect().width;
    if (Math.abs(w - width) > 2) {
      width = w;
      player.layout();
    }
  });
  observer.observe(root);
  return () => {
    window.clearInterval(keepLink);
    player.path = null;
    player.pause();
    observer.disconnect();
  };
}
