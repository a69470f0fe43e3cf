// Actor network (vis-network): nodes are actors, edges are events coloured by cooperation/conflict.
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box || typeof vis === "undefined") { return; }
  fetch(box.dataset.src, { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (!data.ok || data.nodes.length === 0) {
        box.hidden = true;
        document.getElementById("network-empty").hidden = false;
        return;
      }
      var nodes = data.nodes.map(function (n) {
        return { id: n.id, label: n.id, title: n.label + " (" + n.events + " events)", value: n.events };
      });
      var edges = data.edges.map(function (e, i) {
        var conflict = e.conflict > e.cooperation;
        return { id: i, from: e.source, to: e.target, value: e.weight, arrows: "to",
                 color: { color: conflict ? "#c0392b" : "#2e8b57", opacity: 0.8 },
                 title: e.source + " → " + e.target + ": " + e.weight + " events (" + e.cooperation +
                        " cooperation, " + e.conflict + " conflict)" };
      });
      var network = new vis.Network(box, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, {
        nodes: { shape: "dot", scaling: { min: 10, max: 40, label: { enabled: true, min: 12, max: 22 } },
                 color: { background: "#7fb2ff", border: "#1f5fbf" }, font: { face: "sans-serif" } },
        edges: { smooth: { type: "continuous" }, scaling: { min: 1, max: 8 } },
        physics: { stabilization: { iterations: 200 }, barnesHut: { springLength: 140 } },
        interaction: { hover: true, tooltipDelay: 100 }
      });
      network.on("click", function (p) {
        if (p.nodes.length === 1) {
          window.location.href = box.dataset.actor.replace("CODE", encodeURIComponent(p.nodes[0]));
        }
      });
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: false });
        box.dataset.ready = "1";
      });
      // Tests (and keyboard users) need node positions; expose them read-only.
      box.eventwireNodePosition = function (id) {
        var pos = network.getPositions([id])[id];
        return pos ? network.canvasToDOM(pos) : null;
      };
    });
})();
