// Events per day as stacked bars (ECharts). Reads its data URL from data-src; no inline script.
(function () {
  "use strict";
  var box = document.getElementById("timeline");
  if (!box || typeof echarts === "undefined") { return; }
  var colours = { "1": "#2e8b57", "2": "#1b6e3a", "3": "#d9822b", "4": "#c0392b" };
  fetch(box.dataset.src, { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (!data.ok || data.days.length === 0) {
        box.hidden = true;
        document.getElementById("timeline-empty").hidden = false;
        return;
      }
      var chart = echarts.init(box);
      chart.setOption({
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 4 },
        grid: { left: 48, right: 24, top: 40, bottom: 64 },
        xAxis: { type: "category", data: data.days },
        yAxis: { type: "value", minInterval: 1, name: "events" },
        dataZoom: [{ type: "slider", bottom: 8 }, { type: "inside" }],
        series: data.series.map(function (s) {
          return { name: s.label, type: "bar", stack: "all", data: s.counts,
                   itemStyle: data.by === "quad" ? { color: colours[s.key] } : undefined };
        })
      });
      chart.on("click", function (p) {
        var params = new URLSearchParams(box.dataset.params || "");
        params.set("since", p.name);
        params.set("until", p.name);
        window.location.href = box.dataset.events + "?" + params.toString();
      });
      window.addEventListener("resize", function () { chart.resize(); });
      box.dataset.ready = "1";
    });
})();
