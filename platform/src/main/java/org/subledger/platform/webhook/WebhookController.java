package org.subledger.platform.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.input.Name;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Operators register endpoints for event types and watch what was delivered (README "Webhooks"). Administrators
 * only. The endpoint's signing secret is in the registration's answer only.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Webhooks")
public class WebhookController {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final EventTypes eventTypes;

    WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, EventTypes eventTypes) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.eventTypes = eventTypes;
    }

    /** An endpoint: where to POST, which event types (their names, e.g. {@code BillIssued}), and a note. */
    public record RegisterEndpoint(@NotBlank @Name(max = 2000) String url,
                                   @NotEmpty @Size(max = 100) List<@NotBlank @Pattern(regexp = "[A-Za-z]{1,64}") String> eventTypes,
                                   @Name(max = 200) String description) {
    }

    public record RegisteredEndpoint(UUID id, String url, List<String> eventTypes, String description,
                                     Instant createdAt, String createdBy, String secret) {
    }

    public record EndpointList(List<WebhookEndpoints.Endpoint> endpoints) {
    }

    public record EventTypeList(Set<String> eventTypes) {
    }

    public record DeliveryList(List<WebhookDeliveries.Delivery> deliveries) {
    }

    public record DeliveryDetail(WebhookDeliveries.Delivery delivery, List<WebhookDeliveries.Attempt> attempts) {
    }

    @Operation(summary = "Register a webhook endpoint for event types; the signing secret is in this answer only")
    @PostMapping("/endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    public RegisteredEndpoint register(@Valid @RequestBody RegisterEndpoint request, Principal principal) {
        String url = checkedUrl(request.url());
        Set<String> types = new LinkedHashSet<>(request.eventTypes());
        List<String> unknown = types.stream().filter(type -> !eventTypes.known(type)).toList();
        if (!unknown.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "Unknown event types: " + unknown
                    + " (GET /api/admin/webhooks/event-types lists them)", Map.of("eventTypes", "unknown: " + unknown));
        }
        String secret = WebhookSignature.newSecret();
        var endpoint = endpoints.register(url, List.copyOf(types), request.description(), secret, principal.getName());
        return new RegisteredEndpoint(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.description(),
                endpoint.createdAt(), endpoint.createdBy(), secret);
    }

    @Operation(summary = "The registered webhook endpoints (without their secrets)")
    @GetMapping("/endpoints")
    public EndpointList list() {
        return new EndpointList(endpoints.list());
    }

    @Operation(summary = "One webhook endpoint")
    @GetMapping("/endpoints/{id}")
    public WebhookEndpoints.Endpoint endpoint(@PathVariable UUID id) {
        return endpoints.find(id).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Disable a webhook endpoint: nothing more is sent to it, pending deliveries included")
    @DeleteMapping("/endpoints/{id}")
    public WebhookEndpoints.Endpoint disable(@PathVariable UUID id, Principal principal) {
        return endpoints.disable(id, principal.getName()).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "The event types an endpoint may subscribe to")
    @GetMapping("/event-types")
    public EventTypeList eventTypes() {
        return new EventTypeList(eventTypes.all());
    }

    @Operation(summary = "An endpoint's deliveries, newest first, optionally of one state (PENDING, DELIVERED, FAILED)")
    @GetMapping("/endpoints/{id}/deliveries")
    public DeliveryList deliveries(@PathVariable UUID id,
                                   @RequestParam(required = false) @Pattern(regexp = "PENDING|DELIVERED|FAILED") String state,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        endpoints.find(id).orElseThrow(() -> notFound(id));
        return new DeliveryList(deliveries.ofEndpoint(id, state, page, size));
    }

    @Operation(summary = "One delivery with every attempt: when, the answer's status, the error, how long it took")
    @GetMapping("/deliveries/{id}")
    public DeliveryDetail delivery(@PathVariable @Min(1) long id) {
        var delivery = deliveries.find(id).orElseThrow(() -> deliveryNotFound(id));
        return new DeliveryDetail(delivery, deliveries.attempts(id));
    }

    @Operation(summary = "Send a delivery that ran out of attempts once more, now")
    @PostMapping("/deliveries/{id}/retry")
    public DeliveryDetail retry(@PathVariable @Min(1) long id) {
        var delivery = deliveries.find(id).orElseThrow(() -> deliveryNotFound(id));
        if (!deliveries.retry(id)) {
            throw new LedgerRefusal(ErrorCode.WEBHOOK_DELIVERY_NOT_FAILED, "Delivery " + id + " is "
                    + delivery.state() + "; only a FAILED delivery is retried by hand");
        }
        return delivery(id);
    }

    private static String checkedUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an absolute http(s) URL with a host, without user or fragment");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "Not a webhook URL: " + e.getReason(),
                    Map.of("url", "an absolute http or https URL with a host"));
        }
    }

    private static LedgerRefusal notFound(UUID id) {
        return new LedgerRefusal(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, "No webhook endpoint " + id);
    }

    private static LedgerRefusal deliveryNotFound(long id) {
        return new LedgerRefusal(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "No webhook delivery " + id);
    }
}
