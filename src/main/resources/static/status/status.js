// The status page: a tenant's integrations, their calendars and last sync, and live
// progress over STOMP (/ws, topic /topic/integrations/{id}/sync-status).
"use strict";

const TOKEN_KEY = "calsync.token";
const sections = new Map();
let stomp;

function token() {
	const match = location.hash.match(/token=([^&]+)/);
	if (match) {
		sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
		history.replaceState(null, "", location.pathname); // keep it out of the address bar
	}
	return sessionStorage.getItem(TOKEN_KEY);
}

async function api(method, path, body) {
	const response = await fetch(path, {
		method: method,
		headers: Object.assign({ Authorization: "Bearer " + token() }, body ? { "Content-Type": "application/json" } : {}),
		body: body ? JSON.stringify(body) : undefined
	});
	if (response.status === 401) {
		signOut("That token is unknown or revoked.");
		throw new Error("unauthorized");
	}
	const text = await response.text();
	const json = text ? JSON.parse(text) : null;
	if (!response.ok) {
		throw new Error((json && (json.detail || json.title)) || response.statusText);
	}
	return json;
}

function when(instant) {
	return instant ? new Date(instant).toLocaleString() : "never";
}

async function load() {
	const integrations = await api("GET", "/api/integrations");
	document.getElementById("empty").hidden = integrations.length > 0;
	for (const integration of integrations) {
		render(integration);
		lastSync(integration.id);
	}
	connectLive();
}

function render(integration) {
	let section = sections.get(integration.id);
	if (!section) {
		section = document.getElementById("integration-template").content.firstElementChild.cloneNode(true);
		section.dataset.id = integration.id;
		section.querySelector(".sync-now").addEventListener("click", () => syncNow(integration.id));
		document.getElementById("integrations").appendChild(section);
		sections.set(integration.id, section);
	}
	section.querySelector(".name").textContent = integration.username + " · " + (integration.serverUrl || integration.provider);
	const health = section.querySelector(".health");
	health.textContent = integration.status;
	health.className = "health " + integration.status;
	section.querySelector(".detail").textContent = integration.statusDetail || "";
	section.querySelector(".last-sync").textContent = "Last synced: " + when(integration.lastSyncedAt);
	const rows = section.querySelector(".calendars tbody");
	rows.replaceChildren();
	for (const calendar of integration.calendars || []) {
		const row = document.createElement("tr");
		for (const text of [calendar.displayName || calendar.href, calendar.status + (calendar.statusDetail ? " – " + calendar.statusDetail : ""), when(calendar.lastSyncedAt)]) {
			const cell = document.createElement("td");
			cell.textContent = text;
			row.appendChild(cell);
		}
		rows.appendChild(row);
	}
}

async function lastSync(integrationId) {
	const syncs = await api("GET", "/api/syncs?integrationId=" + encodeURIComponent(integrationId));
	const section = sections.get(integrationId);
	if (syncs.length > 0 && section.dataset.live !== "true") {
		const last = syncs[0];
		section.querySelector(".sync-state").textContent = "last sync " + last.status;
		showCounts(section, last.counts);
		section.querySelector(".sync-error").hidden = !last.exitMessage || last.status !== "FAILED";
		section.querySelector(".sync-error").textContent = last.exitMessage || "";
	}
}

async function syncNow(integrationId) {
	const section = sections.get(integrationId);
	const button = section.querySelector(".sync-now");
	button.disabled = true;
	try {
		const sync = await api("POST", "/api/integrations/" + integrationId + "/syncs", { reason: "status page" });
		section.querySelector(".sync-state").textContent = sync.status;
	}
	catch (error) {
		showError(section, error.message);
		button.disabled = false;
	}
}

function showCounts(section, counts) {
	section.querySelector(".counts").textContent = counts
		? "created " + counts.created + " · updated " + counts.updated + " · deleted " + counts.deleted + " · conflicts " + counts.conflicts
		: "";
}

function showError(section, message) {
	const error = section.querySelector(".sync-error");
	error.textContent = message || "";
	error.hidden = !message;
}

function onStatus(message) {
	const section = sections.get(message.integrationId);
	if (!section) {
		return;
	}
	const progress = message.progress || { total: 0, processed: 0 };
	const bar = section.querySelector(".progress");
	const done = message.status === "COMPLETED";
	const percent = done ? 100 : (progress.total > 0 ? Math.min(100, Math.round(100 * progress.processed / progress.total)) : 0);
	bar.setAttribute("aria-valuemax", progress.total);
	bar.setAttribute("aria-valuenow", progress.processed);
	section.querySelector(".fill").style.width = percent + "%";
	section.querySelector(".sync-state").textContent = message.status;
	section.querySelector(".operation").textContent = message.currentOperation
		? message.currentOperation + " · " + progress.processed + "/" + progress.total : "";
	showCounts(section, progress);
	showError(section, message.error);
	const finished = done || message.status === "FAILED";
	section.dataset.live = String(!finished);
	section.querySelector(".sync-now").disabled = !finished;
	if (finished) {
		api("GET", "/api/integrations/" + message.integrationId).then(render).catch(() => {});
	}
}

function connectLive() {
	if (stomp) {
		stomp.disconnect();
	}
	const live = document.getElementById("live");
	const scheme = location.protocol === "https:" ? "wss:" : "ws:";
	stomp = new StompClient(scheme + "//" + location.host + "/ws", { Authorization: "Bearer " + token() });
	stomp.onconnect = () => {
		live.textContent = "live";
		live.className = "live on";
		for (const id of sections.keys()) {
			stomp.subscribe("/topic/integrations/" + id + "/sync-status", (body) => onStatus(JSON.parse(body)));
		}
	};
	stomp.onerror = (message) => {
		live.textContent = "live status refused: " + message;
	};
	stomp.onclose = () => {
		live.textContent = "offline – reconnecting";
		live.className = "live off";
		setTimeout(() => token() && connectLive(), 3000);
	};
	stomp.connect();
}

function signOut(message) {
	sessionStorage.removeItem(TOKEN_KEY);
	if (stomp) {
		stomp.disconnect();
		stomp = null;
	}
	sections.clear();
	document.getElementById("integrations").replaceChildren();
	document.getElementById("sign-out").hidden = true;
	document.getElementById("token-form").hidden = false;
	const error = document.getElementById("token-error");
	error.textContent = message || "";
	error.hidden = !message;
}

function start() {
	if (!token()) {
		signOut();
		return;
	}
	document.getElementById("token-form").hidden = true;
	document.getElementById("sign-out").hidden = false;
	load().catch((error) => {
		if (error.message !== "unauthorized") {
			document.getElementById("empty").hidden = false;
			document.getElementById("empty").textContent = "Could not load integrations: " + error.message;
		}
	});
}

document.getElementById("token-form").addEventListener("submit", (event) => {
	event.preventDefault();
	sessionStorage.setItem(TOKEN_KEY, document.getElementById("token").value.trim());
	start();
});
document.getElementById("sign-out").addEventListener("click", () => signOut());
start();
