// Swagger UI for the OpenAPI document, served from the vendored bundle (works offline).
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: box.dataset.src, dom_id: "#swagger-ui", deepLinking: true });
})();
