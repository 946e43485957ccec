// The adult separation and reunion, animated in the browser (the "A life" page).
//
// Python (dashboard/player/reunion.py) sends each adult's per-second record once: whether the
// partner is present, what the adult does (the coder's action codes: other, seek, contact,
// protest, withdraw) and how distressed they look (0 calm, 1 upset, 2 distraught). Everything
// here runs client-side: a departure gate with a bench and a door, the partner walking out and
// back, the adult drawn with a pose for each action, tears for distress, and a strip of the
// whole record with a cursor. Several adults (the life as drawn, and with a what-if) share one
// clock. Controls: play, pause, speed, scrub.
//
// The state is mirrored in data- attributes for tests: data-second and data-playing on the
// player, data-action and data-distress on each scene.

const SVGNS = "http://www.w3.org/2000/svg";
const W = 440;
const H = 250;
const BENCH_X = 150;
const DOOR_X = 380;
const FLOOR = 205;

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

// where the adult stands for each action (the partner is at the bench when present)
function target(action, present) {
  switch (action) {
    case "seek": return present ? BENCH_X + 40 : DOOR_X - 70;
    case "contact": return BENCH_X + 22;
    case "protest": return present ? BENCH_X + 55 : DOOR_X - 110;
    case "withdraw": return BENCH_X - 110;
    default: return BENCH_X - 30;
  }
}

class Scene {
  constructor(player, d, parent) {
    this.player = player;
    this.d = d;
    this.box = el("div", { class: "rscene" }, parent);
    const head = el("div", { class: "rhead" }, this.box);
    el("span", { class: "rtitle" }, head, d.title);
    el("span", { class: "rbadge", style: `background:${d.colour}` }, head, d.label);
    this.svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "rsvg", role: "img",
      "aria-label": d.title }, this.box);
    const s = this.svg;
    el("svg:rect", { x: 0, y: 0, width: W, height: H, class: "rwall" }, s);
    el("svg:rect", { x: 0, y: FLOOR, width: W, height: H - FLOOR, class: "rfloor" }, s);
    el("svg:rect", { x: DOOR_X, y: 70, width: 46, height: FLOOR - 70, class: "rdoor" }, s);
    el("svg:text", { x: DOOR_X + 23, y: 62, class: "rlabel", "text-anchor": "middle" }, s,
      player.data.words.gate);
    el("svg:rect", { x: BENCH_X - 70, y: FLOOR - 38, width: 150, height: 10, class: "rbench" }, s);
    el("svg:rect", { x: BENCH_X - 62, y: FLOOR - 28, width: 8, height: 28, class: "rbench" }, s);
    el("svg:rect", { x: BENCH_X + 64, y: FLOOR - 28, width: 8, height: 28, class: "rbench" }, s);
    this.partner = this.figure(player.data.colours.partner, player.data.words.partner);
    this.adult = this.figure(player.data.colours.adult, player.data.words.adult);
    this.mark = el("svg:text", { class: "rmark", "text-anchor": "middle" }, s, "");
    this.tears = el("svg:g", {}, s);
    this.words = el("div", { class: "rwords" }, this.box);
    this.ax = target("other", true);
    this.px = BENCH_X + 45;
  }

  figure(colour, name) {
    const g = el("svg:g", { class: "rfig" }, this.svg);
    const body = el("svg:g", {}, g);
    el("svg:circle", { cx: 0, cy: -78, r: 13, fill: colour }, body);
    el("svg:line", { x1: 0, y1: -65, x2: 0, y2: -28, stroke: colour, "stroke-width": 7,
      "stroke-linecap": "round" }, body);
    const armL = el("svg:line", { x1: 0, y1: -58, x2: -16, y2: -38, stroke: colour,
      "stroke-width": 5, "stroke-linecap": "round" }, body);
    const armR = el("svg:line", { x1: 0, y1: -58, x2: 16, y2: -38, stroke: colour,
      "stroke-width": 5, "stroke-linecap": "round" }, body);
    el("svg:line", { x1: 0, y1: -28, x2: -10, y2: 0, stroke: colour, "stroke-width": 6,
      "stroke-linecap": "round" }, body);
    el("svg:line", { x1: 0, y1: -28, x2: 10, y2: 0, stroke: colour, "stroke-width": 6,
      "stroke-linecap": "round" }, body);
    const eye = el("svg:circle", { cx: 5, cy: -80, r: 2.2, fill: "white" }, body);
    const label = el("svg:text", { y: 18, class: "rlabel", "text-anchor": "middle" }, g, name);
    return { g, body, armL, armR, eye, label };
  }

  pose(f, x, facing, arms) {
    f.g.setAttribute("transform", `translate(${x.toFixed(1)},${FLOOR})`);
    f.body.setAttribute("transform", `scale(${facing},1)`);
    const [l, r] = arms;
    f.armL.setAttribute("x2", l[0]); f.armL.setAttribute("y2", l[1]);
    f.armR.setAttribute("x2", r[0]); f.armR.setAttribute("y2", r[1]);
  }

  render(second, frac) {
    const d = this.d;
    const P = this.player.data;
    const n = d.action.length;
    const s = Math.min(n - 1, second);
    const action = P.actions[d.action[s]];
    const distress = d.distress[s];
    const present = P.present[s] === 1;
    // the partner walks to the gate when leaving, and back to the bench on return
    const pTarget = present ? BENCH_X + 45 : DOOR_X + 23;
    this.px += (pTarget - this.px) * Math.min(1, 0.08 + 0.5 * frac);
    const gone = !present && Math.abs(this.px - (DOOR_X + 23)) < 4;
    this.partner.g.style.opacity = gone ? 0.0 : 1.0;
    this.pose(this.partner, this.px, -1, [[-16, -38], [16, -38]]);
    const aTarget = target(action, present);
    this.ax += (aTarget - this.ax) * Math.min(1, 0.06 + 0.4 * frac);
    let facing = 1;
    let arms = [[-16, -38], [16, -38]];
    if (action === "withdraw") facing = -1;
    if (action === "contact") arms = [[-6, -44], [28, -60]];
    if (action === "seek") arms = present ? [[-10, -40], [30, -66]] : [[-14, -40], [24, -88]];
    if (action === "protest") arms = [[-20, -92], [20, -92]];
    this.pose(this.adult, this.ax, facing, arms);
    this.mark.setAttribute("x", this.ax.toFixed(1));
    this.mark.setAttribute("y", FLOOR - 104);
    this.mark.textContent = action === "protest" ? "!" : "";
    this.tears.replaceChildren();
    for (let k = 0; k < distress * 2; k += 1) {
      el("svg:circle", { cx: (this.ax + facing * (6 + 4 * k)).toFixed(1),
        cy: FLOOR - 72 + 9 * k, r: 3, class: "rtear" }, this.tears);
    }
    this.box.dataset.action = action;
    this.box.dataset.distress = String(distress);
    this.words.textContent = `${P.words.action[action]}; ${P.words.distress[distress]}`;
  }
}

class Strip {
  constructor(player, parent) {
    this.player = player;
    this.svg = el("svg:svg", { class: "rstrip", viewBox: "0 0 1000 10", preserveAspectRatio: "none",
      role: "img", "aria-label": player.data.words.strip }, parent);
    this.svg.addEventListener("click", (ev) => {
      const box = this.svg.getBoundingClientRect();
      player.go(Math.round((ev.clientX - box.left) / box.width * (player.n - 1)));
    });
  }

  build() {
    const P = this.player.data;
    const n = this.player.n;
    const rows = [{ label: P.words.partner_here, get: () => null }];
    P.scenes.forEach((d) => rows.push({ label: d.title, d }));
    const rowH = 14;
    const labelW = 0;
    const h = rows.length * (rowH + 4) + 18;
    this.svg.setAttribute("viewBox", `0 0 1000 ${h}`);
    let out = "";
    const x = (t) => labelW + (t / n) * (1000 - labelW);
    // phases
    let t0 = 0;
    for (const [name, len] of P.phases) {
      out += `<rect x="${x(t0)}" y="0" width="${x(t0 + len) - x(t0)}" height="${h}" class="rph ${name}"/>`;
      out += `<text x="${x(t0) + 4}" y="11" class="rphl">${P.words.phase[name]}</text>`;
      t0 += len;
    }
    let y = 16;
    // the partner's presence
    for (let t = 0; t < n; t += 1) {
      if (P.present[t] === 1) out += `<rect x="${x(t)}" y="${y}" width="${x(t + 1) - x(t) + 0.3}" height="${rowH}" class="rpres"/>`;
    }
    y += rowH + 4;
    for (const d of P.scenes) {
      for (let t = 0; t < n; t += 1) {
        const a = P.actions[d.action[t]];
        if (a === "other") continue;
        out += `<rect x="${x(t)}" y="${y}" width="${x(t + 1) - x(t) + 0.3}" height="${rowH}" fill="${P.action_colours[a]}"/>`;
      }
      y += rowH + 4;
    }
    out += `<line class="rcursor" x1="0" x2="0" y1="0" y2="${h}"/>`;
    this.svg.innerHTML = out;
    this.cursor = this.svg.querySelector(".rcursor");
    this.x = x;
  }

  render(second) {
    const cx = this.x(second + 0.5).toFixed(1);
    this.cursor.setAttribute("x1", cx);
    this.cursor.setAttribute("x2", cx);
  }
}

class Player {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.n = data.present.length;
    this.t = 0;
    this.playing = false;
    this.speed = data.speed;
    root.replaceChildren();
    root.classList.toggle("present", !!data.present_mode);
    const bar = el("div", { class: "rbar" }, root);
    this.playBtn = el("button", { class: "rbtn", type: "button", title: data.words.play }, bar,
      data.words.play);
    this.playBtn.addEventListener("click", () => this.toggle());
    el("label", { class: "rspeedl" }, bar, data.words.speed);
    this.speedSel = el("select", { class: "rspeed", "aria-label": data.words.speed }, bar);
    for (const v of data.speeds) {
      const o = el("option", { value: v }, this.speedSel, `${v}\u00d7`);
      if (v === this.speed) o.selected = true;
    }
    this.speedSel.addEventListener("change", () => { this.speed = Number(this.speedSel.value); });
    this.scrub = el("input", { class: "rscrub", type: "range", min: 0, max: this.n - 1, value: 0,
      "aria-label": data.words.scrub }, bar);
    this.scrub.addEventListener("input", () => this.go(Number(this.scrub.value)));
    this.clockText = el("span", { class: "rclock" }, bar, "");
    const stage = el("div", { class: "rstage" }, root);
    this.scenes = data.scenes.map((d) => new Scene(this, d, stage));
    this.strip = new Strip(this, root);
    el("div", { class: "rcaption" }, root, data.words.caption);
    this.strip.build();
    this.render(0);
  }

  toggle() { if (this.playing) this.pause(); else this.play(); }

  play() {
    if (this.t >= this.n - 1) this.t = 0;
    this.playing = true;
    this.root.dataset.playing = "1";
    this.playBtn.textContent = this.data.words.pause;
    let last = performance.now();
    const tick = (now) => {
      if (!this.playing) return;
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      this.t = Math.min(this.n - 1, this.t + dt * this.speed);
      this.render(dt);
      if (this.t >= this.n - 1) { this.pause(); return; }
      this.frame = window.requestAnimationFrame(tick);
    };
    this.frame = window.requestAnimationFrame(tick);
  }

  pause() {
    this.playing = false;
    this.root.dataset.playing = "0";
    this.playBtn.textContent = this.data.words.play;
    if (this.frame) window.cancelAnimationFrame(this.frame);
  }

  go(second) {
    this.t = Math.max(0, Math.min(this.n - 1, second));
    this.render(1);
  }

  phaseOf(second) {
    let t0 = 0;
    for (const [name, len] of this.data.phases) {
      if (second < t0 + len) return name;
      t0 += len;
    }
    return this.data.phases[this.data.phases.length - 1][0];
  }

  render(frac) {
    const s = Math.floor(this.t);
    for (const scene of this.scenes) scene.render(s, frac);
    this.strip.render(s);
    this.scrub.value = String(s);
    this.root.dataset.second = String(s);
    this.clockText.textContent = `${clock(s)} / ${clock(this.n)} \u00b7 ${this.data.words.phase[this.phaseOf(s)]}`;
  }
}

export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".ssp-reunion");
  if (!root || !data) return undefined;
  const before = root.__ssp;
  const player = new Player(root, data);
  root.__ssp = player;
  if (before && before.key === data.key) {
    player.speed = before.speed;
    player.speedSel.value = String(before.speed);
    player.go(before.t);
    if (before.playing) player.play();
  }
  player.key = data.key;
  if (data.autoplay && !(before && before.key === data.key)) player.play();
  return () => {
    player.pause();
  };
}
