package dev.ticketingwarrior.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EdgeStackTests {

    /** AWS managed policies, by the ids CloudFront gives them. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private static Template template;
    private static Template devTemplate;

    @BeforeAll
    static void synth() {
        SynthesizedApp prod = SynthesizedApp.prod();
        template = prod.template(prod.stacks().edge());
        SynthesizedApp dev = SynthesizedApp.dev();
        devTemplate = dev.template(dev.stacks().edge());
    }

    @Test
    void keepsTheWebBucketPrivateEncryptedAndTlsOnly() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "PublicAccessBlockConfiguration",
                        Map.of(
                                "BlockPublicAcls", true,
                                "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true,
                                "RestrictPublicBuckets", true),
                        "BucketEncryption",
                        Map.of(
                                "ServerSideEncryptionConfiguration",
                                List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))));
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void readsTheBucketThroughOriginAccessControlOnly() {
        template.hasResourceProperties(
                "AWS::CloudFront::OriginAccessControl",
                Map.of(
                        "OriginAccessControlConfig",
                        Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always")));
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Allow",
                                        "Principal",
                                        Map.of("Service", "cloudfront.amazonaws.com"),
                                        "Action",
                                        "s3:GetObject")))))));
    }

    @Test
    void servesTheWebAppFromS3ByDefaultOverHttps() {
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of(
                        "DistributionConfig",
                        Map.of(
                                "DefaultRootObject",
                                "index.html",
                                "DefaultCacheBehavior",
                                Map.of(
                                        "ViewerProtocolPolicy",
                                        "redirect-to-https",
                                        "CachePolicyId",
                                        CACHING_OPTIMIZED,
                                        "FunctionAssociations",
                                        List.of(Match.objectLike(Map.of("EventType", "viewer-request")))))));
    }

    /** The web app's security headers, with the Content-Security-Policy the browser end-to-end suite runs under. */
    @Test
    void servesTheWebAppWithItsContentSecurityPolicyAndSecurityHeaders() {
        String policy = EdgeStack.contentSecurityPolicy();
        assertThat(policy)
                .startsWith("default-src 'self';")
                .contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        template.hasResourceProperties(
                "AWS::CloudFront::ResponseHeadersPolicy",
                Map.of(
                        "ResponseHeadersPolicyConfig",
                        Match.objectLike(Map.of(
                                "SecurityHeadersConfig",
                                Map.of(
                                        "ContentSecurityPolicy",
                                        Map.of("ContentSecurityPolicy", policy, "Override", true),
                                        "ContentTypeOptions",
                                        Map.of("Override", true),
                                        "FrameOptions",
                                        Map.of("FrameOption", "DENY", "Override", true),
                                        "ReferrerPolicy",
                                        Map.of("ReferrerPolicy", "strict-origin-when-cross-origin", "Override", true),
                                        "StrictTransportSecurity",
                                        Map.of("AccessControlMaxAgeSec", 31_536_000, "Override", true),
                                        "XSSProtection",
                                        Map.of("Protection", true, "ModeBlock", true, "Override", true))))));
        String headers = template.findResources("AWS::CloudFront::ResponseHeadersPolicy")
                .keySet()
                .iterator()
                .next();
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of(
                        "DistributionConfig",
                        Match.objectLike(Map.of(
                                "DefaultCacheBehavior",
                                Match.objectLike(Map.of("ResponseHeadersPolicyId", Map.of("Ref", headers)))))));
    }

    @Test
    void passesApiCallsToTheLoadBalancerUncachedWithEverythingTheViewerSent() {
        for (String path : List.of("/api/*", "/.well-known/*")) {
            template.hasResourceProperties(
                    "AWS::CloudFront::Distribution",
                    Map.of(
                            "DistributionConfig",
                            Map.of(
                                    "CacheBehaviors",
                                    Match.arrayWith(List.of(Match.objectLike(Map.of(
                                            "PathPattern", path,
                                            "CachePolicyId", CACHING_DISABLED,
                                            "OriginRequestPolicyId", ALL_VIEWER_EXCEPT_HOST_HEADER,
                                            "ViewerProtocolPolicy", "redirect-to-https",
                                            "AllowedMethods",
                                                    List.of(
                                                            "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST",
                                                            "DELETE"))))))));
        }
    }

    @Test
    void reachesTheLoadBalancerOverTlsByTheCertificatesNameInProd() {
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of(
                        "DistributionConfig",
                        Map.of(
                                "Origins",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "DomainName",
                                        SynthesizedApp.API_ORIGIN_DOMAIN,
                                        "CustomOriginConfig",
                                        Map.of(
                                                "OriginProtocolPolicy",
                                                "https-only",
                                                "OriginSSLProtocols",
                                                List.of("TLSv1.2")))))))));
    }

    @Test
    void addsTheSecretOriginHeaderToEveryRequestForTheLoadBalancer() {
        // resolved from the Services stack's secret when CloudFormation deploys the distribution
        Object value = Map.of(
                "Fn::Join",
                List.of(
                        "",
                        List.of(
                                "{{resolve:secretsmanager:",
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Services.*OriginVerify.*")),
                                ":SecretString:::}}")));
        Object apiOrigin = Match.objectLike(Map.of(
                "DomainName",
                SynthesizedApp.API_ORIGIN_DOMAIN,
                "OriginCustomHeaders",
                List.of(Map.of("HeaderName", "X-Origin-Verify", "HeaderValue", value))));

        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of("DistributionConfig", Map.of("Origins", Match.arrayWith(List.of(apiOrigin)))));
    }

    @Test
    void reachesTheHttpOnlyDevLoadBalancerByItsOwnName() {
        String origins = SynthesizedApp.json(devTemplate.findResources("AWS::CloudFront::Distribution"));

        assertThat(origins).contains("\"OriginProtocolPolicy\":\"http-only\"").contains("LoadBalancer");
    }

    @Test
    void routesClientSidePathsToIndexWithoutHidingApiErrors() {
        template.hasResourceProperties(
                "AWS::CloudFront::Function",
                Map.of("FunctionCode", Match.stringLikeRegexp("[\\s\\S]*request.uri = '/index.html'[\\s\\S]*")));
        String distribution = SynthesizedApp.json(template.findResources("AWS::CloudFront::Distribution"));
        assertThat(distribution).doesNotContain("CustomErrorResponses");
    }
}
