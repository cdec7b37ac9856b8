package dev.ticketingwarrior.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersXSSProtection;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The front door: a private S3 bucket with the web app, read by CloudFront through Origin Access Control, and the
 * API paths passed to the ALB uncached with everything the viewer sent.
 */
final class EdgeStack extends Stack {

    static final String API_PATH = "/api/*";

    static final String WELL_KNOWN_PATH = "/.well-known/*";

    /** The policy's value in the headers file: a JSON string, holding no double quote. */
    private static final Pattern CSP = Pattern.compile("\"Content-Security-Policy\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * The SPA owns its routes: a path without a file extension is a client route and gets index.html. Done in a
     * viewer-request function rather than with error responses, which would also swallow the API's 403/404
     * problem+json bodies.
     */
    static final String SPA_ROUTING = """
            function handler(event) {
              var request = event.request;
              if (!request.uri.includes('.')) {
                request.uri = '/index.html';
              }
              return request;
            }
            """;

    /** {@code originVerify}: the value the ALB requires in {@link Names#ORIGIN_VERIFY_HEADER}. */
    record Props(EnvironmentSettings settings, IApplicationLoadBalancer loadBalancer, ISecret originVerify) {}

    private final Bucket webBucket;
    private final Distribution distribution;

    EdgeStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        EnvironmentSettings settings = props.settings();

        this.webBucket = Bucket.Builder.create(this, "WebBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .removalPolicy(settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Nag.suppress(
                webBucket,
                "AwsSolutions-S1",
                "Only CloudFront reads this bucket (OAC) and it holds the public web build; viewer requests are"
                        + " counted by CloudFront's metrics");

        Function spaRouting = Function.Builder.create(this, "SpaRouting")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(SPA_ROUTING))
                .comment("client-side routes of the web app get index.html")
                .build();

        BehaviorOptions api = BehaviorOptions.builder()
                .origin(apiOrigin(settings, props.loadBalancer(), props.originVerify()))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                // every viewer header, cookie and query string, except Host: the ALB's certificate names the
                // origin, not the distribution, so Host must stay the origin's name for the TLS handshake to verify
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                // compression would buffer the waiting room's event stream
                .compress(false)
                .build();

        this.distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Ticketing-Warrior " + settings.name())
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(webBucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(webHeaders())
                        .compress(true)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .eventType(FunctionEventType.VIEWER_REQUEST)
                                .function(spaRouting)
                                .build()))
                        .build())
                .additionalBehaviors(Map.of(API_PATH, api, WELL_KNOWN_PATH, api))
                .httpVersion(HttpVersion.HTTP2_AND_3)
                // North America, Europe and Asia including Korea, where the players are
                .priceClass(PriceClass.PRICE_CLASS_200)
                .build();
        Nag.suppress(
                distribution,
                "AwsSolutions-CFR1",
                "Practice rounds are open to players everywhere; there is no country to exclude");
        Nag.suppress(
                distribution,
                "AwsSolutions-CFR2",
                "Abuse control is in the application: per-client rate limits (429) at admission and signed"
                        + " admission tokens at booking; a WAF web ACL would have to live in us-east-1");
        Nag.suppress(
                distribution,
                "AwsSolutions-CFR3",
                "API requests are logged by the ALB access logs and the services; the static web build needs no"
                        + " per-request audit, and standard logs would need an ACL-enabled bucket");
        Nag.suppress(
                distribution,
                "AwsSolutions-CFR4",
                "The default *.cloudfront.net certificate cannot set a minimum TLS version; a custom domain with"
                        + " its own certificate would");
        if (settings.httpOnly()) {
            Nag.suppress(
                    distribution,
                    "AwsSolutions-CFR5",
                    "The dev ALB has no certificate (httpOnly); prod reaches the ALB over TLS 1.2");
        }

        CfnOutput.Builder.create(this, "WebBucketName")
                .value(webBucket.getBucketName())
                .description("web.yml syncs the built web app here")
                .build();
        CfnOutput.Builder.create(this, "DistributionId")
                .value(distribution.getDistributionId())
                .description("web.yml invalidates this distribution")
                .build();
        CfnOutput.Builder.create(this, "DistributionDomainName")
                .value(distribution.getDistributionDomainName())
                .build();
    }

    Bucket webBucket() {
        return webBucket;
    }

    Distribution distribution() {
        return distribution;
    }

    /**
     * The web app's security headers: those of CloudFront's managed SecurityHeadersPolicy (HSTS for a year, nosniff,
     * a referrer policy, the XSS filter), frames refused altogether, and the Content-Security-Policy of
     * {@code web/security-headers.json}, the file the web app's preview, and so its browser end-to-end suite, serves
     * the same policy from.
     */
    private ResponseHeadersPolicy webHeaders() {
        return ResponseHeadersPolicy.Builder.create(this, "WebHeaders")
                .comment("Ticketing-Warrior web app: security headers and its Content-Security-Policy")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy())
                                .override(true)
                                .build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder()
                                .override(true)
                                .build())
                        .frameOptions(ResponseHeadersFrameOptions.builder()
                                .frameOption(HeadersFrameOption.DENY)
                                .override(true)
                                .build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)
                                .override(true)
                                .build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365))
                                .override(true)
                                .build())
                        .xssProtection(ResponseHeadersXSSProtection.builder()
                                .protection(true)
                                .modeBlock(true)
                                .override(true)
                                .build())
                        .build())
                .build();
    }

    /** The Content-Security-Policy of {@code web/security-headers.json} (on the classpath: infrastructure's pom). */
    static String contentSecurityPolicy() {
        try (InputStream in = EdgeStack.class.getResourceAsStream("/security-headers.json")) {
            if (in == null) {
                throw new IllegalStateException("security-headers.json is not on the classpath (web/, see the pom)");
            }
            Matcher csp = CSP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!csp.find()) {
                throw new IllegalStateException("security-headers.json has no Content-Security-Policy");
            }
            return csp.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IOrigin apiOrigin(
            EnvironmentSettings settings, IApplicationLoadBalancer loadBalancer, ISecret originVerify) {
        // HTTPS needs the DNS name on the ALB's certificate; the dev HTTP-only ALB is reached by its own name
        return HttpOrigin.Builder.create(settings.apiOriginDomain().orElse(loadBalancer.getLoadBalancerDnsName()))
                .protocolPolicy(settings.httpOnly() ? OriginProtocolPolicy.HTTP_ONLY : OriginProtocolPolicy.HTTPS_ONLY)
                // the event stream's position updates come well within this, so the connection is never cut
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .readTimeout(Duration.seconds(60))
                .keepaliveTimeout(Duration.seconds(60))
                // CloudFormation resolves the secret when it deploys the distribution; a viewer's header of the
                // same name is overwritten, so only CloudFront can present the value
                .customHeaders(Map.of(
                        Names.ORIGIN_VERIFY_HEADER,
                        originVerify.getSecretValue().unsafeUnwrap()))
                .build();
    }
}
