# Build: the SDK image restores and publishes; nothing of it reaches the runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY surveys/ surveys/
COPY src/ src/
RUN dotnet publish src/Bot/Bot.csproj -c Release -o /app --no-self-contained

# Run: the ASP.NET Core runtime only, as the image's unprivileged "app" user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    URLS=http://0.0.0.0:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# Sign-in cookie keys and the staff file live here (a volume in compose), writable by the app user only.
RUN mkdir -p /var/lib/chatsurvey/keys && chown -R $APP_UID /var/lib/chatsurvey && chmod -R 700 /var/lib/chatsurvey
USER $APP_UID
ENTRYPOINT ["dotnet", "ChatSurvey.Bot.dll"]
