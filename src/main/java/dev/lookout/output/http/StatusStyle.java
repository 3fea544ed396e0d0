package dev.lookout.output.http;

/**
 * The status page's only stylesheet, inline so the page needs nothing else to load. Colours are
 * variables so one block switches them for a dark system theme.
 */
final class StatusStyle {
  static final String CSS = """
      :root{--bg:#fff;--fg:#1b1f24;--dim:#6a737d;--line:#d8dee4;--head:#f3f5f7;
      --bad:#c62828;--bad-bg:#fdecea;--warn:#9a6700;--warn-bg:#fff8e1;--ok:#1a7f37;--ok-bg:#e6f4ea;
      --info:#0b5cad;--info-bg:#e7f0fb;color-scheme:light dark}
      @media (prefers-color-scheme:dark){:root{--bg:#0f1216;--fg:#e3e7eb;--dim:#8b949e;
      --line:#2c333b;--head:#171b21;--bad:#ff7b72;--bad-bg:#3a1717;--warn:#e3b341;
      --warn-bg:#33290f;--ok:#56d364;--ok-bg:#12301c;--info:#79b8ff;--info-bg:#132a45}}
      *{box-sizing:border-box}
      body{margin:0;padding:12px;background:var(--bg);color:var(--fg);
      font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
      main{max-width:1200px;margin:0 auto}
      header{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:baseline}
      header h1{font-size:20px;margin:0}
      nav a{margin-right:10px}
      a{color:var(--info)}
      h2{font-size:17px;margin:22px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
      h3{font-size:15px;margin:16px 0 6px}
      section{min-width:0}
      .dim{color:var(--dim);font-weight:normal}
      .verdict{border-radius:8px;padding:12px 16px;margin:12px 0;border:2px solid}
      .verdict.ok{border-color:var(--ok);background:var(--ok-bg)}
      .verdict.failing{border-color:var(--bad);background:var(--bad-bg)}
      .verdict .big{font-size:26px;font-weight:700}
      .verdict.ok .big{color:var(--ok)}
      .verdict.failing .big{color:var(--bad)}
      .verdict ul{margin:6px 0;padding-left:20px}
      .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;
      border:1px solid var(--line);border-radius:6px}
      table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
      th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);
      white-space:nowrap;vertical-align:top}
      th{background:var(--head);font-weight:600;position:sticky;top:0}
      tbody tr:last-child td{border-bottom:0}
      tr.problem td{background:var(--bad-bg)}
      tr.problem td:first-child{box-shadow:inset 4px 0 var(--bad);font-weight:700}
      tr.warn td{background:var(--warn-bg)}
      tr.warn td:first-child{box-shadow:inset 4px 0 var(--warn)}
      .wrap{white-space:normal;display:inline-block;min-width:18em}
      .badge{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;font-weight:600;
      border:1px solid}
      .badge.ok{color:var(--ok);background:var(--ok-bg)}
      .badge.bad{color:var(--bad);background:var(--bad-bg)}
      .badge.warn{color:var(--warn);background:var(--warn-bg)}
      .badge.info{color:var(--info);background:var(--info-bg)}
      .bad-text{color:var(--bad);font-weight:700;text-decoration:line-through}
      .alert{border:1px solid var(--line);border-left:5px solid var(--warn);border-radius:6px;
      padding:8px 12px;margin:8px 0;overflow-wrap:anywhere}
      .alert.firing{border-left-color:var(--bad)}
      .alert p{margin:4px 0}
      .alert-head .dim{white-space:nowrap}
      .labels code{font-size:12px;background:var(--head);padding:1px 4px;border-radius:4px;
      margin-right:4px;display:inline-block}
      .more{color:var(--dim);font-style:italic}
      .notice{border-left:4px solid var(--warn);padding:4px 10px;background:var(--warn-bg)}
      """;

  private StatusStyle() {}
}
