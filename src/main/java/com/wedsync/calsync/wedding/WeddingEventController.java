package com.wedsync.calsync.wedding;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events of weddings: {@code /api/weddings/{id}/events} and {@code /api/events/{id}}. */
@RestController
class WeddingEventController {

	private final WeddingEventService events;

	private final EventRenderer renderer;

	WeddingEventController(WeddingEventService events, EventRenderer renderer) {
		this.events = events;
		this.renderer = renderer;
	}

	@PostMapping("/api/weddings/{id}/events")
	ResponseEntity<WeddingEventResponse> create(@PathVariable UUID id, @Valid @RequestBody CreateEventRequest request) {
		WeddingEvent created = this.events.create(id, request);
		return ResponseEntity.created(URI.create("/api/events/" + created.id())).body(response(created));
	}

	@GetMapping("/api/weddings/{id}/events")
	List<WeddingEventResponse> list(@PathVariable UUID id) {
		return this.events.list(id).stream().map(this::response).toList();
	}

	@GetMapping("/api/events/{id}")
	WeddingEventResponse get(@PathVariable UUID id) {
		return response(this.events.get(id));
	}

	@PatchMapping("/api/events/{id}")
	WeddingEventResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateEventRequest request) {
		return response(this.events.update(id, request));
	}

	@DeleteMapping("/api/events/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.events.delete(id);
	}

	private WeddingEventResponse response(WeddingEvent event) {
		return WeddingEventResponse.of(event, this.renderer.currentFields(event));
	}

}
