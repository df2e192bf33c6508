/* The search widget of this sample page: AngularJS 1.x with [[ ]] interpolation, reading
   /api/search as its OpenAPI document (/api/openapi.json) describes it. */
(function () {
  "use strict";
  var app = angular.module("solrSearch", []);

  app.config(["$interpolateProvider", function ($interpolateProvider) {
    $interpolateProvider.startSymbol("[[").endSymbol("]]");
  }]);

  // The API sends snippets as escaped text in which only <mark> is markup; anything else is
  // shown as text, so a broken promise can never become script.
  app.filter("markedSnippet", ["$sce", function ($sce) {
    var onlyMarks = /^(?:[^<]|<\/?mark>)*$/;
    return function (value) {
      var text = String(value || "");
      if (!onlyMarks.test(text)) {
        text = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      }
      return $sce.trustAsHtml(text);
    };
  }]);

  // "15.09.2026" for a page that states only a day, "15.09.2026, 14:30 Uhr" (Berlin time)
  // only where the page states a time (onlineDateHasTime).
  app.filter("onlineDate", function () {
    var day = new Intl.DateTimeFormat("de-DE", {
      timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric"
    });
    var clock = new Intl.DateTimeFormat("de-DE", {
      timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hour12: false
    });
    return function (doc) {
      if (!doc || !doc.onlineDate) { return ""; }
      var moment = new Date(doc.onlineDate);
      var text = day.format(moment);
      return doc.onlineDateHasTime ? text + ", " + clock.format(moment) + " Uhr" : text;
    };
  });

  app.controller("SolrSearchController", ["$scope", "$http", "$window",
    function ($scope, $http, $window) {
      $scope.inData = { KEYWORD: "", CATEGORY: null, SORT: "relevanz", ROWS: 10, EXACT: false };
      $scope.outData = {};
      $scope.noResult = false;
      $scope.noEntry = false;
      $scope.noResultMessage = "Leider wurden keine Ergebnisse gefunden.";
      $scope.noEntrieFoundMessage = "Bitte versuchen Sie einen anderen Suchbegriff.";

      function load(params) {
        return $http.get("/api/search", { params: params }).then(function (response) {
          $scope.inData = response.data.inData;
          // "All categories" is the select's empty option, which AngularJS selects for null.
          $scope.inData.CATEGORY = $scope.inData.CATEGORY || null;
          $scope.outData = response.data.outData;
          $scope.noResult = response.data.outData.response.numFound === 0;
          $scope.noEntry = $scope.noResult && !response.data.outData.spellcheck.collation;
          $window.document.body.setAttribute("data-widget-loaded", String(Date.now()));
        });
      }

      function params(page) {
        var i = $scope.inData;
        return { q: i.KEYWORD, category: i.CATEGORY || undefined, sort: i.SORT, rows: i.ROWS,
                 exact: i.EXACT ? 1 : 0, page: page || 1 };
      }

      $scope.search = function (event) {
        if (event) { event.preventDefault(); }
        return load(params(1));
      };
      $scope.searchFor = function (keyword) {
        $scope.inData.KEYWORD = keyword;
        return load(params(1));
      };
      $scope.goTo = function (page) { return load(params(page)); };

      var start = new URLSearchParams($window.location.search);
      if (start.get("q")) {
        var initial = {};
        start.forEach(function (value, key) { initial[key] = value; });
        load(initial);
      }
    }]);
}());
