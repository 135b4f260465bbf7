// Package e2e tests the web application in a real browser. Each test serves
// the application on loopback from a fresh SQLite store, drives headless
// Chromium through the DevTools protocol with chromedp, typing and clicking
// as a user does, and checks every page it visits with axe-core.
//
// The tests run only when IMHARS_CHROMIUM names a Chromium binary, and they
// read axe-core from node_modules, which make assets installs.
package e2e
