package dev.ponder.lab.report;

import java.util.Base64;
import java.util.List;

/**
 * The report page: one self-contained HTML file (charts inlined as PNG data, no external scripts or styles).
 * A tiny inline script records window errors and failed images into {@code #render-check}, so a headless
 * browser test can read them back from the DOM.
 */
final class Html {
    private final StringBuilder b = new StringBuilder();

    private Html() {}

    /** A part of a page, to be put in one with {@link #raw}. */
    static Html fragment() { return new Html(); }

    /** The body so far (of a fragment). */
    String content() { return b.toString(); }

    Html(String title) {
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<script>window.__ponderErrors=[];window.addEventListener('error',function(e){window.__ponderErrors.push(String(e.message||e.type));},true);</script>\n")
                .append("<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:.6em 0 1.6em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}img{max-width:100%;border:1px solid #eee}")
                .append(".helps{color:#1a7f37;font-weight:600}.hurts{color:#b42318;font-weight:600}.flat{color:#777}")
                .append("details{margin-bottom:1.5em}figure{margin:1em 0}</style></head><body>\n");
    }

    Html h(int level, String text) {
        b.append("<h").append(level).append(">").append(esc(text)).append("</h").append(level).append(">\n");
        return this;
    }

    Html p(String text) {
        b.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    Html raw(String html) {
        b.append(html);
        return this;
    }

    Html table(String cls, List<String> header, List<List<String>> rows) {
        b.append("<table class=\"").append(cls).append("\"><thead><tr>");
        for (String h : header) b.append("<th>").append(esc(h)).append("</th>");
        b.append("</tr></thead><tbody>\n");
        for (List<String> r : rows) {
            b.append("<tr>");
            for (String c : r) {
                String klass = c.equals("more compute helps") ? " class=\"helps\"" : c.equals("more compute hurts") ? " class=\"hurts\""
                        : c.equals("no clear gain") ? " class=\"flat\"" : "";
                b.append("<td").append(klass).append(">").append(esc(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        return this;
    }

    Html chart(Chart c) {
        b.append("<figure class=\"chart\" id=\"").append(esc(c.stem())).append("\"><img alt=\"").append(esc(c.title()))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(c.png())).append("\">")
                .append("<figcaption>").append(esc(c.title())).append(" (<a href=\"").append(esc(c.stem())).append(".png\">PNG</a>, <a href=\"")
                .append(esc(c.stem())).append(".svg\">SVG</a>)</figcaption></figure>\n");
        b.append("<details open><summary>Table behind this chart</summary>\n");
        table("chart-table", c.header(), c.rows());
        b.append("</details>\n");
        return this;
    }

    String finish() {
        b.append("<div id=\"render-check\"></div>\n<script>window.addEventListener('load',function(){")
                .append("var imgs=document.querySelectorAll('img'),ok=0,bad=0;for(var i=0;i<imgs.length;i++){")
                .append("if(imgs[i].complete&&imgs[i].naturalWidth>0)ok++;else bad++;}")
                .append("var r=document.getElementById('render-check');r.setAttribute('data-images-ok',ok);r.setAttribute('data-images-bad',bad);")
                .append("r.setAttribute('data-tables',document.querySelectorAll('table').length);")
                .append("r.setAttribute('data-errors',window.__ponderErrors.length);r.setAttribute('data-error-text',window.__ponderErrors.join(' | '));")
                .append("r.setAttribute('data-done','yes');});</script>\n</body></html>\n");
        return b.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
